import {
  canonicalize,
  type CaseEvent,
  type DeidentifiedDocument,
  type DisclosureApplication,
  type DisclosureOutcome,
  type DisclosureStage,
  GENESIS_HASH,
  LogConflictError,
} from '../../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DisclosureAccessEntity,
  DisclosureApplicantEntity,
  DisclosureCaseLogEntity,
  DisclosureRequestEntity,
} from '../entities/disclosure.entity';
import { sha256Hex } from '../hash';
import { inTransaction } from '../transaction';

/** One step of a case as the log stores it; `data` is the case event (no personal data). */
export interface CaseLogDraft {
  seq: number;
  occurredAt: string;
  actor: Record<string, unknown>;
  event: CaseEvent;
}

export interface CaseLogEntry extends CaseLogDraft {
  requestId: string;
  prevHash: string;
  hash: string;
}

/** Where the case stands after a step: the read model `disclosure_requests` carries it. */
export interface CaseProjection {
  stage: DisclosureStage;
  outcome?: DisclosureOutcome;
  closedDate?: string;
}

export interface NewDisclosureRequest {
  requestId: string;
  receipt: string;
  unit: string;
  channel: string;
  receivedDate: string;
  application: Omit<DisclosureApplication, 'idDocumentNumber' | 'idDocumentType'>;
  /** The identity document as `deidentifyDocument` left it; the number itself never reaches here. */
  document: DeidentifiedDocument;
  first: CaseLogDraft;
}

/** The hashed text of an entry: the previous hash, a newline, the JCS of the entry's fields. */
export function caseEntryHashInput(prevHash: string, requestId: string, draft: CaseLogDraft): string {
  const { seq, occurredAt, actor, event } = draft;
  return `${prevHash}\n${canonicalize({ requestId, seq, type: event.type, occurredAt, actor, data: event })}`;
}

/** Registers a request: its case row, its applicant (apart) and the first log entry, in one transaction. */
export async function registerDisclosureRequest(
  dataSource: DataSource,
  request: NewDisclosureRequest,
  access?: { secretHash: string },
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await insertDisclosureRequest(manager, request);
    // A request staff registered gets its applicant's lookup secret too (ADR 123): only its hash is kept.
    if (access)
      await manager.insert(DisclosureAccessEntity, {
        requestId: request.requestId,
        secretHash: access.secretHash,
        idempotencyKeyHash: null,
        requestHash: null,
        sealedSecret: null,
        createdAt: request.first.occurredAt,
      });
  });
}

/** The writes of `registerDisclosureRequest` inside a caller's transaction (the online intake adds its access row). */
export async function insertDisclosureRequest(manager: EntityManager, request: NewDisclosureRequest): Promise<void> {
  const { application: app, document } = request;
  await manager.insert(DisclosureRequestEntity, {
    requestId: request.requestId,
    receipt: request.receipt,
    unit: request.unit,
    channel: request.channel,
    applicantKind: app.applicantKind,
    informationDescription: app.informationDescription,
    deliveryForm: app.deliveryForm,
    deliveryWay: app.deliveryWay,
    receivedDate: request.receivedDate,
    stage: 'registration',
    outcome: null,
    closedDate: null,
    updatedAt: request.first.occurredAt,
  });
  await manager.insert(DisclosureApplicantEntity, {
    requestId: request.requestId,
    name: app.applicantName,
    idDocumentType: document.type,
    idDocumentLastFour: document.lastFour,
    idDocumentHash: document.keyedHash,
    contact: canonicalize(app.contact),
  });
  await appendEntries(manager, request.requestId, [request.first]);
}

/**
 * Appends a step's entries to the case log and updates the case row, in one transaction. Idempotent on
 * (request, seq) like the decision logs: the same entry again is a retry and skipped (whatever its
 * `occurredAt`); a different one is a LogConflictError; a gap is a conflict too.
 */
export async function appendCaseLog(
  dataSource: DataSource,
  requestId: string,
  drafts: readonly CaseLogDraft[],
  projection: CaseProjection,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await appendEntries(manager, requestId, drafts);
    const last = drafts.at(-1);
    await manager.update(DisclosureRequestEntity, requestId, {
      stage: projection.stage,
      outcome: projection.outcome ?? null,
      closedDate: projection.closedDate ?? null,
      ...(last ? { updatedAt: last.occurredAt } : {}),
    });
  });
}

async function appendEntries(
  manager: EntityManager,
  requestId: string,
  drafts: readonly CaseLogDraft[],
): Promise<void> {
  let prevHash: string | undefined;
  for (const draft of drafts) {
    prevHash ??= await hashBefore(manager, requestId, draft.seq);
    const row = {
      requestId,
      seq: draft.seq,
      type: draft.event.type,
      occurredAt: draft.occurredAt,
      actor: canonicalize(draft.actor),
      data: canonicalize(draft.event),
    };
    const stored = await manager.findOneBy(DisclosureCaseLogEntity, { requestId, seq: draft.seq });
    if (stored) {
      const same = stored.type === row.type && stored.actor === row.actor && stored.data === row.data;
      if (!same || stored.prevHash !== prevHash) throw new LogConflictError(requestId, draft.seq);
      prevHash = stored.hash;
      continue;
    }
    const hash = sha256Hex(caseEntryHashInput(prevHash, requestId, draft));
    await manager.insert(DisclosureCaseLogEntity, { ...row, prevHash, hash });
    prevHash = hash;
  }
}

async function hashBefore(manager: EntityManager, requestId: string, seq: number): Promise<string> {
  if (seq === 1) return GENESIS_HASH;
  const previous = await manager.findOneBy(DisclosureCaseLogEntity, { requestId, seq: seq - 1 });
  if (!previous) throw new LogConflictError(requestId, seq);
  return previous.hash;
}

/** A case's log in order, parsed; empty for an unknown request. */
export async function readCaseLog(dataSource: DataSource, requestId: string): Promise<CaseLogEntry[]> {
  const rows = await dataSource
    .getRepository(DisclosureCaseLogEntity)
    .find({ where: { requestId }, order: { seq: 'ASC' } });
  return rows.map((row) => ({
    requestId,
    seq: row.seq,
    occurredAt: row.occurredAt,
    actor: JSON.parse(row.actor) as Record<string, unknown>,
    event: JSON.parse(row.data) as CaseEvent,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
}

/** The seq of the first entry whose link or hash does not hold, or null when the chain is whole. */
export function findCaseChainBreak(entries: readonly CaseLogEntry[]): number | null {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1 || entry.prevHash !== prevHash) return entry.seq;
    if (sha256Hex(caseEntryHashInput(prevHash, entry.requestId, entry)) !== entry.hash) return entry.seq;
    prevHash = entry.hash;
  }
  return null;
}

/** The case row of a request (no personal data), or null. */
export function findDisclosureRequest(
  dataSource: DataSource,
  requestId: string,
): Promise<DisclosureRequestEntity | null> {
  return dataSource.getRepository(DisclosureRequestEntity).findOneBy({ requestId });
}

/** The applicant of a request: staff-only, for the handler and the reply's delivery. */
export function findDisclosureApplicant(
  dataSource: DataSource,
  requestId: string,
): Promise<DisclosureApplicantEntity | null> {
  return dataSource.getRepository(DisclosureApplicantEntity).findOneBy({ requestId });
}

/**
 * Requests whose workflow still runs (not archived), ordered by id, after `after` (exclusive), at most
 * `limit`: the calendar fan-out signals them (ADR 83).
 */
export async function listOpenDisclosureRequestIds(
  dataSource: DataSource,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await dataSource.manager
    .createQueryBuilder()
    .select('r.request_id', 'id')
    .from('disclosure_requests', 'r')
    .where('r.stage <> :archive AND r.request_id > :after', { archive: 'archive', after })
    .orderBy('r.request_id', 'ASC')
    .limit(limit)
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}
