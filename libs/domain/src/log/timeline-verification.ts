import { canonicalize } from './jcs';
import { findChainBreak, type ChainBreak, type ChainProblem, type PublicLogEntry, type Sha256Hex } from './public-log';

/** The eight fields of an entry (SPEC.md §6); an entry with any other field carries text nobody can verify. */
const ENTRY_FIELDS = ['decisionId', 'seq', 'type', 'occurredAt', 'actor', 'data', 'prevHash', 'hash'] as const;

/** `ChainProblem`s, plus `head` (the served head is not the last entry) and `malformed` (not a timeline). */
export type TimelineProblem = ChainProblem | 'head' | 'malformed';

/**
 * The verdict on one served timeline. On failure, `seq` names the first entry that does not hold (the seq
 * expected at that position when the entry is missing, out of place or malformed; 0 when the whole body
 * is unusable), `reason` says why in English, `expected` / `actual` carry the values compared (null when
 * there is nothing to compare), so that other languages can word it themselves.
 */
export type TimelineVerdict =
  | { ok: true; decisionId: string; entries: number; head: { seq: number; hash: string } }
  | {
      ok: false;
      decisionId: string;
      entries: number;
      seq: number;
      problem: TimelineProblem;
      reason: string;
      expected: string | number | null;
      actual: string | number | null;
    };

type Failure = Extract<TimelineVerdict, { ok: false }>;

/**
 * Verifies the body of `GET /api/v1/public/decisions/{id}/timeline` exactly as received (parsed JSON,
 * not trusted to have any shape): every entry has the eight fields and nothing else, seqs run 1, 2, … with
 * no gap, every entry belongs to `decisionId`, links to its predecessor and hashes to its `hash`, and the
 * served `head` is the last entry. A public decision always has at least its first entry, so an empty
 * chain fails as a gap at seq 1. Pure: the caller passes a synchronous sha256 (node:crypto on a server).
 */
export function verifyTimeline(decisionId: string, body: unknown, sha256Hex: Sha256Hex): TimelineVerdict {
  const fail = (entries: number, fields: Omit<Failure, 'ok' | 'decisionId' | 'entries'>): Failure => ({
    ok: false,
    decisionId,
    entries,
    ...fields,
  });
  if (!isRecord(body) || !Array.isArray(body['entries']) || !('head' in body)) {
    return fail(0, {
      seq: 0,
      problem: 'malformed',
      reason: 'the response is not a timeline ({entries, head})',
      expected: null,
      actual: null,
    });
  }
  const entries: unknown[] = body['entries'];
  for (const [index, entry] of entries.entries()) {
    const wrong = entryShapeProblem(entry);
    if (wrong)
      return fail(entries.length, {
        seq: index + 1,
        problem: 'malformed',
        reason: `entry #${index + 1} ${wrong}`,
        expected: null,
        actual: null,
      });
  }
  const chain = entries as PublicLogEntry[];
  const found = findChainBreak(decisionId, chain, sha256Hex);
  if (found)
    return fail(chain.length, {
      seq: found.seq,
      problem: found.problem,
      reason: describeChainBreak(found),
      expected: found.expected,
      actual: found.actual,
    });
  const last = chain.at(-1);
  if (!last)
    return fail(0, {
      seq: 1,
      problem: 'gap',
      reason: 'seq 1 is missing (the timeline has no entries)',
      expected: 1,
      actual: null,
    });
  const head = body['head'];
  if (!isRecord(head) || head['seq'] !== last.seq || head['hash'] !== last.hash) {
    const served = isRecord(head) ? `seq ${String(head['seq'])} ${shortHash(head['hash'])}` : JSON.stringify(head);
    return fail(chain.length, {
      seq: isRecord(head) && Number.isSafeInteger(head['seq']) ? (head['seq'] as number) : last.seq,
      problem: 'head',
      reason: `the served head (${served}) is not the last entry (seq ${last.seq} ${shortHash(last.hash)})`,
      expected: `${last.seq}:${last.hash}`,
      actual: isRecord(head) ? `${String(head['seq'])}:${String(head['hash'])}` : null,
    });
  }
  return { ok: true, decisionId, entries: chain.length, head: { seq: last.seq, hash: last.hash } };
}

/** English wording of a chain break, for the command line and the English pages. */
export function describeChainBreak(found: ChainBreak): string {
  switch (found.problem) {
    case 'decision':
      return `the entry belongs to decision ${JSON.stringify(found.actual)}, not ${JSON.stringify(found.expected)}`;
    case 'gap':
      return `seq ${found.expected} is missing (the next entry is seq ${String(found.actual)})`;
    case 'order':
      return `seq ${String(found.actual)} stands where seq ${found.expected} belongs (entries repeated or out of order)`;
    case 'prev_hash':
      return `prevHash ${shortHash(found.actual)} does not link to the previous entry (expected ${shortHash(found.expected)})`;
    case 'hash':
      return `the content does not match its hash (recomputed ${shortHash(found.expected)}, served ${shortHash(found.actual)})`;
  }
}

/** The first 12 hex digits, enough to compare by eye. */
export function shortHash(hash: unknown): string {
  return typeof hash === 'string' ? `${hash.slice(0, 12)}…` : (JSON.stringify(hash) ?? 'undefined');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `entry` is not one of the log's entries, or null. */
function entryShapeProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'is not an object';
  const missing = ENTRY_FIELDS.filter((field) => !Object.hasOwn(entry, field));
  if (missing.length > 0) return `lacks ${missing.join(', ')}`;
  const extra = Object.keys(entry).filter((key) => !(ENTRY_FIELDS as readonly string[]).includes(key));
  if (extra.length > 0) return `has fields that are not hashed: ${extra.join(', ')}`;
  if (!Number.isSafeInteger(entry['seq'])) return 'has a seq that is not an integer';
  for (const field of ['decisionId', 'type', 'occurredAt', 'prevHash', 'hash'] as const) {
    if (typeof entry[field] !== 'string') return `has a ${field} that is not a string`;
  }
  if (!isRecord(entry['actor']) || !isRecord(entry['data'])) return 'has an actor or data that is not an object';
  try {
    canonicalize({ actor: entry['actor'], data: entry['data'] });
  } catch {
    return 'has an actor or data that JSON canonicalization (RFC 8785) cannot represent';
  }
  return null;
}
