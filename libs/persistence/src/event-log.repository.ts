import {
  canonicalize,
  entryHashInput,
  GENESIS_HASH,
  LogConflictError,
  projectDecision,
  type DecisionRecord,
  type InternalEventDraft,
  type PublicEventDraft,
  type StepEvents,
} from '../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import { DecisionEntity } from './entities/decision.entity';
import { InternalEventEntity } from './entities/internal-event.entity';
import type { LogEntryColumns } from './entities/log-entry.columns';
import { PublicEventEntity } from './entities/public-event.entity';
import { sha256Hex } from './hash';
import { fromDecisionEntity, toDecisionEntity } from './decision-mapping';
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
 * Likewise each stored public entry queues one message to each confirmed follower (ADR 94).
 */
export async function appendEvents(dataSource: DataSource, decisionId: string, events: StepEvents): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await appendPublic(manager, decisionId, events.public);
    await appendInternal(manager, decisionId, events.internal);
  });
}

async function appendPublic(manager: EntityManager, decisionId: string, drafts: PublicEventDraft[]): Promise<void> {
  let prevHash: string | undefined;
  const leaves: NewLeaf[] = [];
  for (const draft of drafts) {
    prevHash ??= await hashOf(manager, decisionId, draft.seq - 1);
    const stored = await manager.findOneBy(PublicEventEntity, { decisionId, seq: draft.seq });
    if (stored) {
      if (!sameStep(stored, toRow(decisionId, draft)) || stored.prevHash !== prevHash)
        throw new LogConflictError(decisionId, draft.seq);
      prevHash = stored.hash;
      continue;
    }
    const hash = sha256Hex(entryHashInput(prevHash, { ...draft, decisionId }));
    await manager.insert(PublicEventEntity, { ...toRow(decisionId, draft), prevHash, hash });
    leaves.push({ decisionId, seq: draft.seq, bytes: publicLogLeaf({ ...draft, decisionId, prevHash, hash }) });
    prevHash = hash;
  }
  await appendTreeLeaves(manager, leaves);
  await enqueueStepMails(
    manager,
    decisionId,
    drafts.filter((draft) => leaves.some((leaf) => leaf.seq === draft.seq)),
  );
}

/** The same step, whatever its `occurredAt` (see appendEvents). */
function sameStep(stored: LogEntryColumns, row: LogEntryColumns): boolean {
  return stored.type === row.type && stored.actor === row.actor && stored.data === row.data;
}

function toRow(decisionId: string, draft: PublicEventDraft | InternalEventDraft): LogEntryColumns {
  const { seq, type, occurredAt } = draft;
  return { decisionId, seq, type, occurredAt, actor: canonicalize(draft.actor), data: canonicalize(draft.data) };
}

async function hashOf(manager: EntityManager, decisionId: string, seq: number): Promise<string> {
  if (seq === 0) return GENESIS_HASH;
  const previous = await manager.findOneBy(PublicEventEntity, { decisionId, seq });
  if (!previous) throw new LogConflictError(decisionId, seq + 1);
  return previous.hash;
}

async function appendInternal(manager: EntityManager, decisionId: string, drafts: InternalEventDraft[]): Promise<void> {
  let record: DecisionRecord | undefined;
  let loaded = false;
  for (const draft of drafts) {
    const row = toRow(decisionId, draft);
    const stored = await manager.findOneBy(InternalEventEntity, { decisionId, seq: draft.seq });
    if (stored) {
      if (!sameStep(stored, row)) throw new LogConflictError(decisionId, draft.seq);
      continue;
    }
    if (draft.seq > 1 && !(await manager.existsBy(InternalEventEntity, { decisionId, seq: draft.seq - 1 }))) {
      throw new LogConflictError(decisionId, draft.seq);
    }
    await manager.insert(InternalEventEntity, row);
    await projectConsultation(manager, decisionId, draft);
    if (!loaded) {
      const entity = await manager.findOneBy(DecisionEntity, { id: decisionId });
      record = entity ? fromDecisionEntity(entity) : undefined;
      loaded = true;
    }
    record = projectDecision(record, decisionId, draft);
  }
  if (record) await manager.save(DecisionEntity, toDecisionEntity(record));
}
