import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { canonicalize, type PublicLogEntry } from '../../../libs/domain/src';
import {
  type Checkpoint,
  leafHash,
  NoteError,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from '../../../libs/transparency/src';
import { FetchError, getJson } from './deployment';

/**
 * What the verifier remembers between runs (`--state <file>`): the last checkpoint it accepted and the
 * head of every decision it saw, so that a later run catches a truncated or forked tree, a shortened
 * chain or a decision gone from the catalogue.
 */
export interface VerifierState {
  origin: string;
  size: number;
  /** base64 root of `size` leaves. */
  root: string;
  decisions: Record<string, { seq: number; hash: string }>;
}

/** `note`: the signed note exactly as served. */
export type CheckpointVerdict = { ok: true; checkpoint: Checkpoint; note: string } | { ok: false; reason: string };

const api = (baseUrl: string, path: string): string => `${baseUrl}/api/v1/public/transparency/${path}`;

export function readState(file: string | undefined): VerifierState | null {
  if (!file || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as VerifierState;
}

export function writeState(file: string, state: VerifierState): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Fetches the latest checkpoint, checks its signature and its consistency with the remembered one. */
export async function checkCheckpoint(
  baseUrl: string,
  logKey: string,
  previous: VerifierState | null,
  timeoutMs: number,
): Promise<CheckpointVerdict> {
  const verifier = parseVerifierKey(logKey);
  let checkpoint: Checkpoint;
  const note = await getText(api(baseUrl, 'checkpoint'), timeoutMs);
  try {
    checkpoint = openCheckpoint(note, verifier, verifier.name);
  } catch (error) {
    if (error instanceof NoteError) return { ok: false, reason: `checkpoint signature or format: ${error.message}` };
    throw error;
  }
  if (!previous || previous.size === 0) return { ok: true, checkpoint, note };
  if (previous.origin !== checkpoint.origin)
    return { ok: false, reason: `the log's origin changed from ${previous.origin} to ${checkpoint.origin}` };
  if (checkpoint.size < previous.size)
    return { ok: false, reason: `the tree shrank from ${previous.size} to ${checkpoint.size} leaves (truncated)` };
  const url = api(baseUrl, `consistency?first=${previous.size}&second=${checkpoint.size}`);
  const proof = proofOf(await getJson(url, timeoutMs));
  const verdict = verifyConsistency(
    previous.size,
    checkpoint.size,
    Buffer.from(previous.root, 'base64'),
    checkpoint.root,
    proof,
  );
  if (verdict.ok) return { ok: true, checkpoint, note };
  // Two signed checkpoints of one size with different roots: the log signed two trees (a fork when the
  // other one is shown to others), proven by the two checkpoints themselves.
  const what =
    checkpoint.size === previous.size
      ? `history rewritten or forked: two signed checkpoints of size ${previous.size} with different roots`
      : 'history rewritten or forked';
  return {
    ok: false,
    reason: `checkpoint ${checkpoint.size} is not consistent with checkpoint ${previous.size} seen before (${what}): ${verdict.reason}`,
  };
}

/**
 * The first entry of a verified chain that is not proven included in the checkpoint, with why, or null.
 * An entry newer than the checkpoint (404 LOG_ENTRY_NOT_IN_TREE) is not yet signed for: it is skipped.
 */
export async function findUnincludedEntry(
  baseUrl: string,
  checkpoint: Checkpoint,
  entries: readonly PublicLogEntry[],
  timeoutMs: number,
): Promise<{ seq: number; reason: string } | null> {
  for (const entry of entries) {
    const query = `decisionId=${encodeURIComponent(entry.decisionId)}&seq=${entry.seq}&treeSize=${checkpoint.size}`;
    let body: unknown;
    try {
      body = await getJson(api(baseUrl, `inclusion?${query}`), timeoutMs);
    } catch (error) {
      if (error instanceof FetchError && /HTTP 404 \(LOG_ENTRY_NOT_IN_TREE/.test(error.message)) continue;
      throw error;
    }
    const { leafIndex } = body as { leafIndex?: unknown };
    const leaf = leafHash(Buffer.from(canonicalize(entry), 'utf8'));
    const verdict =
      typeof leafIndex === 'number'
        ? verifyInclusion(leafIndex, checkpoint.size, leaf, proofOf(body), checkpoint.root)
        : { ok: false as const, reason: 'no leafIndex in the answer' };
    if (!verdict.ok)
      return {
        seq: entry.seq,
        reason: `not included in the signed checkpoint of ${checkpoint.size}: ${verdict.reason}`,
      };
  }
  return null;
}

/**
 * Decisions remembered from an earlier run that are gone, shorter or rewritten now, each with what
 * changed. `chains` holds the verified entries of this run; a decision not asked about is left alone.
 */
export function compareWithState(
  previous: VerifierState | null,
  chains: ReadonlyMap<string, readonly PublicLogEntry[]>,
  wholeCatalogue: boolean,
): { decisionId: string; reason: string }[] {
  if (!previous) return [];
  return Object.entries(previous.decisions).flatMap(([decisionId, before]) => {
    const entries = chains.get(decisionId);
    if (!entries)
      return wholeCatalogue
        ? [{ decisionId, reason: `was public with ${before.seq} entries and is gone from the catalogue` }]
        : [];
    const then = entries[before.seq - 1];
    if (!then) return [{ decisionId, reason: `had ${before.seq} entries and now has ${entries.length} (truncated)` }];
    if (then.hash !== before.hash)
      return [
        {
          decisionId,
          reason: `entry ${before.seq} changed since it was seen (hash ${before.hash.slice(0, 12)}…, now ${then.hash.slice(0, 12)}…): history rewritten`,
        },
      ];
    return [];
  });
}

function proofOf(body: unknown): Buffer[] {
  const proof = (body as { proof?: unknown } | null)?.proof;
  if (!Array.isArray(proof) || !proof.every((p) => typeof p === 'string'))
    throw new FetchError('a proof answer without a proof[] of base64 hashes');
  return proof.map((p: string) => Buffer.from(p, 'base64'));
}

async function getText(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new FetchError(`GET ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new FetchError(`GET ${url}: HTTP ${response.status}`);
  return response.text();
}
