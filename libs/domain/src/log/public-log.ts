import type { PublicActor } from '../accounts/actors';
import { canonicalize } from './jcs';

/** `prevHash` of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Public event types (SPEC.md §3). */
export type PublicEventType =
  | 'DecisionRegistered'
  | 'DraftPublished'
  | 'HearingNoticed'
  | 'ConsultationOpened'
  | 'HearingHeld'
  | 'ChannelRecorded'
  | 'ConsultationExtended'
  | 'ConsultationClosed'
  | 'FeedbackPublished'
  | 'DecisionAdopted'
  | 'DecisionRejected'
  | 'DecisionReturned'
  | 'DecisionPublished'
  | 'MilestonePlanned'
  | 'ProgressReported'
  | 'MilestoneCompleted'
  | 'MilestoneOverdue'
  | 'AuditFindingPublished'
  | 'RectificationReported'
  | 'AccountabilityPublished'
  | 'EvaluationStarted'
  | 'EvaluationPublished'
  | 'DecisionAdjusted'
  | 'DecisionSuspended'
  | 'DecisionTerminated'
  | 'DecisionResumed'
  | 'DecisionClosed'
  | 'DueDateRecomputed'
  | 'AttachmentAdded'
  | 'AnnualReportPublished';

/** A public event as the workflow produces it, before the log gives it its place in the chain. */
export interface PublicEventDraft {
  seq: number;
  type: PublicEventType;
  /** RFC 3339 UTC, e.g. `2026-11-26T08:00:00.000Z`. */
  occurredAt: string;
  actor: PublicActor;
  data: Record<string, unknown>;
}

/**
 * One entry of a decision's public log, exactly the eight fields that are hashed and served
 * (SPEC.md §6). Nothing else may be added: clients recompute the hash from these fields.
 */
export interface PublicLogEntry extends PublicEventDraft {
  decisionId: string;
  prevHash: string;
  hash: string;
}

/**
 * The string whose sha256 is an entry's hash: `prevHash + "\n" + JCS(entry without prevHash and hash)`.
 * The hash function itself is passed in by the caller (node:crypto on the server, WebCrypto in a
 * browser) so that this module stays free of I/O and platform APIs.
 */
export function entryHashInput(prevHash: string, entry: Omit<PublicLogEntry, 'prevHash' | 'hash'>): string {
  const { decisionId, seq, type, occurredAt, actor, data } = entry;
  return `${prevHash}\n${canonicalize({ decisionId, seq, type, occurredAt, actor, data })}`;
}

export type Sha256Hex = (input: string) => string;

export type ChainVerdict =
  | { ok: true; head: { seq: number; hash: string } | null }
  | { ok: false; seq: number; problem: 'gap' | 'prev_hash' | 'hash' | 'decision' };

/** Checks every link and hash of one decision's chain, in order. */
export function verifyChain(
  decisionId: string,
  entries: readonly PublicLogEntry[],
  sha256Hex: Sha256Hex,
): ChainVerdict {
  const found = findChainBreak(decisionId, entries, sha256Hex);
  if (found) return { ok: false, seq: found.seq, problem: found.problem === 'order' ? 'gap' : found.problem };
  const last = entries.at(-1);
  return { ok: true, head: last ? { seq: last.seq, hash: last.hash } : null };
}

/**
 * Why a chain breaks: `decision` (entry of another decision), `gap` (a seq is absent), `order` (a seq
 * is repeated or out of place), `prev_hash` (the link to the previous entry is wrong), `hash` (the
 * entry's content does not hash to its `hash`). `ChainVerdict` reports `order` as `gap`.
 */
export type ChainProblem = 'decision' | 'gap' | 'order' | 'prev_hash' | 'hash';

/**
 * The first place a chain breaks. `seq` is the entry's own seq for `decision`, `prev_hash` and `hash`,
 * and the seq expected at that position for `gap` and `order`; `index` is the position in the list.
 * `expected` / `actual`: decision ids, seqs (`actual` is null when the list ends) or hashes.
 */
export interface ChainBreak {
  seq: number;
  index: number;
  problem: ChainProblem;
  expected: string | number;
  actual: string | number | null;
}

/** The first break of one decision's chain, checked in order, or null when every link and hash holds. */
export function findChainBreak(
  decisionId: string,
  entries: readonly PublicLogEntry[],
  sha256Hex: Sha256Hex,
): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const at = { seq: entry.seq, index };
    if (entry.decisionId !== decisionId)
      return { ...at, problem: 'decision', expected: decisionId, actual: entry.decisionId };
    const expectedSeq = index + 1;
    if (entry.seq !== expectedSeq) {
      const missing = entry.seq > expectedSeq && !entries.some((other) => other.seq === expectedSeq);
      return { seq: expectedSeq, index, problem: missing ? 'gap' : 'order', expected: expectedSeq, actual: entry.seq };
    }
    if (entry.prevHash !== prevHash) return { ...at, problem: 'prev_hash', expected: prevHash, actual: entry.prevHash };
    const hash = sha256Hex(entryHashInput(prevHash, entry));
    if (hash !== entry.hash) return { ...at, problem: 'hash', expected: hash, actual: entry.hash };
    prevHash = entry.hash;
  }
  return null;
}
