import {
  canonicalize,
  entryHashInput,
  GENESIS_HASH,
  LogConflictError,
  projectDecision,
  type InternalEventDraft,
  type PublicEventDraft,
  type StepEvents,
} from '../../domain/src';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DecisionEntity } from './entities/decision.entity';
import { InternalEventEntity } from './entities/internal-event.entity';
import type { LogEntryColumns } from './entities/log-entry.columns';
import { PublicEventEntity } from './entities/public-event.entity';
import { sha256Hex } from './hash';
import { fromDecisionEntity, toDecisionEntity } from './decision-mapping';
import { projectSearchTexts } from './decision-search';
import { enqueueStepMails } from './notifications/enqueue';
import { projectConsultation } from './opinions/consultation-window';
import { inTransaction } from './transaction';
import { appendTreeLeaves, type NewLeaf } from './transparency/tree-writer';
import { publicLogLeaf } from './transparency/leaf';

/**
 * Appends one step's events to both logs and folds them into the read models, in one transaction.
 *
 * Idempotent on (decisionId, seq): an entry already stored with the same content is skipped (the
 * activity was retried); one stored with different content raises LogConflictError (two writers for
 * one chain: a bug, not retried). A missing predecessor is also a conflict: chains have no gaps.
 *
 * "The same content" ignores `occurredAt`: a worker killed after its append committed but before its
 * workflow task completed leaves the step stored, and the other worker re-runs the same update or timer
 * at a later workflow time. The stored entry (and its hash) wins; only type, actor, data and, for the
 * public log, the link to the previous entry must match (issue 6, worker-kill fault test).
 *
 * Each public entry stored becomes the next leaf of the transparency log's tree in the same transaction
 * (ADR 54): an entry skipped as already stored already has its leaf, so no leaf is skipped or doubled.
 * Likewise each stored public entry queues one message to each confirmed follower (ADR 94), and one that
 * publishes a draft or decision text gets its row of the catalogue's search text (ADR 0125).
 */
export async function appendEvents(
  dataSource: DataSource,
  decisionId: string,
  events: StepEvents,
  options: AppendEventsOptions = {},
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await appendPublic(manager, decisionId, events.public, options.transparencyTree ?? true);
    await appendInternal(manager, decisionId, events.internal);
  });
}

/** How {@link appendEvents} treats the transparency tree. Production always appends its leaves (the default). */
export interface AppendEventsOptions {
  /**
   * `false` leaves the tree out. Only for the benchmark that measures what the tree costs a staff action
   * (test/bench/tree-cost.ts, ADR 0110): no setting of the apps reaches it, and a log appended so lacks
   * leaves, which every verifier and witness reports.
   */
  transparencyTree?: boolean;
}

async function appendPublic(
  manager: EntityManager,
  decisionId: string,
  drafts: PublicEventDraft[],
  transparencyTree: boolean,
): Promise<void> {
  if (drafts.length === 0) return;
  const first = drafts[0]!.seq;
  // One read for the predecessor's hash and any entry of this step already stored (a retried append).
  const known = await entriesAt(
    manager,
    PublicEventEntity,
    decisionId,
    [first - 1, ...drafts.map((d) => d.seq)],
    ['prevHash', 'hash'],
  );
  const before = first === 1 ? GENESIS_HASH : known.get(first - 1)?.hash;
  if (before === undefined) throw new LogConflictError(decisionId, first);
  let prevHash: string = before;
  const rows: PublicEventEntity[] = [];
  const leaves: NewLeaf[] = [];
  for (const draft of drafts) {
    const stored = known.get(draft.seq);
    if (stored) {
      if (
        !(await sameStored(manager, PublicEventEntity, stored, toRow(decisionId, draft))) ||
        stored.prevHash !== prevHash ||
        stored.hash === undefined
      )
        throw new LogConflictError(decisionId, draft.seq);
      prevHash = stored.hash;
      continue;
    }
    const hash = sha256Hex(entryHashInput(prevHash, { ...draft, decisionId }));
    rows.push({ ...toRow(decisionId, draft), prevHash, hash });
    leaves.push({ decisionId, seq: draft.seq, bytes: publicLogLeaf({ ...draft, decisionId, prevHash, hash }) });
    prevHash = hash;
  }
  if (rows.length > 0) await manager.insert(PublicEventEntity, rows);
  if (transparencyTree) await appendTreeLeaves(manager, leaves);
  const stored = drafts.filter((draft) => leaves.some((leaf) => leaf.seq === draft.seq));
  await projectSearchTexts(manager, decisionId, stored);
  await enqueueStepMails(manager, decisionId, stored);
}

type LogEntity = typeof PublicEventEntity | typeof InternalEventEntity;
/** A stored entry as {@link entriesAt} reads it: no `data`; `prevHash` and `hash` when asked for. */
type StoredEntry = Omit<LogEntryColumns, 'data'> & Partial<Pick<PublicEventEntity, 'prevHash' | 'hash'>>;

/**
 * The entries of a chain at `seqs` that exist, by seq, in one query: their type and actor and the `extra`
 * columns. `data` (an offline channel's opinions can make it large) is read only to compare a stored entry.
 */
async function entriesAt(
  manager: EntityManager,
  entity: LogEntity,
  decisionId: string,
  seqs: number[],
  extra: Array<'prevHash' | 'hash'>,
): Promise<Map<number, StoredEntry>> {
  const wanted = [...new Set(seqs.filter((seq) => seq >= 1))];
  const rows = (await manager.find(entity, {
    select: Object.fromEntries(['decisionId', 'seq', 'type', 'actor', ...extra].map((key) => [key, true])),
    where: { decisionId, seq: In(wanted) },
  })) as StoredEntry[];
  return new Map(rows.map((row) => [row.seq, row]));
}

/** The same step, whatever its `occurredAt` (see appendEvents); `stored` lacks `data`, read here. */
async function sameStored(
  manager: EntityManager,
  entity: LogEntity,
  stored: StoredEntry,
  row: LogEntryColumns,
): Promise<boolean> {
  if (stored.type !== row.type || stored.actor !== row.actor) return false;
  const found: LogEntryColumns | null = await manager.findOne(entity, {
    select: { decisionId: true, seq: true, data: true },
    where: { decisionId: stored.decisionId, seq: stored.seq },
  });
  return found?.data === row.data;
}

function toRow(decisionId: string, draft: PublicEventDraft | InternalEventDraft): LogEntryColumns {
  const { seq, type, occurredAt } = draft;
  return { decisionId, seq, type, occurredAt, actor: canonicalize(draft.actor), data: canonicalize(draft.data) };
}

async function appendInternal(manager: EntityManager, decisionId: string, drafts: InternalEventDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  // One read for the predecessors and any entry of this step already stored (a retried append).
  const known = await entriesAt(
    manager,
    InternalEventEntity,
    decisionId,
    drafts.flatMap((d) => [d.seq - 1, d.seq]),
    [],
  );
  const present = new Set(known.keys());
  const fresh: InternalEventDraft[] = [];
  for (const draft of drafts) {
    const row = toRow(decisionId, draft);
    const stored = known.get(draft.seq);
    if (stored) {
      if (!(await sameStored(manager, InternalEventEntity, stored, row)))
        throw new LogConflictError(decisionId, draft.seq);
      continue;
    }
    if (draft.seq > 1 && !present.has(draft.seq - 1)) throw new LogConflictError(decisionId, draft.seq);
    present.add(draft.seq);
    fresh.push(draft);
  }
  if (fresh.length === 0) return;
  await manager.insert(
    InternalEventEntity,
    fresh.map((draft) => toRow(decisionId, draft)),
  );
  for (const draft of fresh) await projectConsultation(manager, decisionId, draft);
  const entity = await manager.findOneBy(DecisionEntity, { id: decisionId });
  let record = entity ? fromDecisionEntity(entity) : undefined;
  for (const draft of fresh) record = projectDecision(record, decisionId, draft);
  if (!record) return;
  // The row was just read: an UPDATE (or the first INSERT), not save()'s second SELECT.
  const { id, ...columns } = toDecisionEntity(record);
  if (entity) await manager.update(DecisionEntity, { id }, columns);
  else await manager.insert(DecisionEntity, { id, ...columns });
}
