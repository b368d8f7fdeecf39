import type { PublicActor } from './actors';
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
  | 'DecisionClosed';

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
export function verifyChain(decisionId: string, entries: readonly PublicLogEntry[], sha256Hex: Sha256Hex): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.decisionId !== decisionId) return { ok: false, seq: entry.seq, problem: 'decision' };
    if (entry.seq !== index + 1) return { ok: false, seq: index + 1, problem: 'gap' };
    if (entry.prevHash !== prevHash) return { ok: false, seq: entry.seq, problem: 'prev_hash' };
    if (sha256Hex(entryHashInput(prevHash, entry)) !== entry.hash) return { ok: false, seq: entry.seq, problem: 'hash' };
    prevHash = entry.hash;
  }
  const last = entries.at(-1);
  return { ok: true, head: last ? { seq: last.seq, hash: last.hash } : null };
}
