import { InvalidCommandError } from '../errors/errors';
import { normalizeReceipt } from './receipt';

/**
 * The input rules of staff's cluster edits (SPEC.md §3.4: merge, split, relabel), which need no state;
 * the state rules (feedback stage, clusters ready, not answered, membership) are checked where the edit
 * is written.
 */

export const MAX_MERGED_CLUSTERS = 100;
export const MAX_SPLIT_RECEIPTS = 5_000;
const MAX_LABEL_CHARS = 200;
const KEYWORDS_KEPT = 10;

/** A label as stored: trimmed, 1–200 characters, no control characters (INVALID_LABEL). */
export function normalizeClusterLabel(label: string): string {
  const trimmed = label.trim();
  const length = [...trimmed].length;
  // eslint-disable-next-line no-control-regex
  if (length === 0 || length > MAX_LABEL_CHARS || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new InvalidCommandError(
      'INVALID_LABEL',
      `A cluster label has 1–${MAX_LABEL_CHARS} characters and no control characters.`,
    );
  }
  return trimmed;
}

/** 2–100 distinct cluster ids (INVALID_CLUSTER_IDS). */
export function validateMergedClusters(clusterIds: readonly string[]): string[] {
  const distinct = [...new Set(clusterIds)];
  if (
    distinct.length !== clusterIds.length ||
    distinct.length < 2 ||
    distinct.length > MAX_MERGED_CLUSTERS ||
    distinct.some((id) => id.length === 0 || id.length > 32)
  ) {
    throw new InvalidCommandError('INVALID_CLUSTER_IDS', `A merge names 2–${MAX_MERGED_CLUSTERS} different clusters.`);
  }
  return distinct;
}

/** 1–5000 distinct receipts, typing variants forgiven (INVALID_RECEIPT names the first bad one). */
export function validateSplitReceipts(receipts: readonly string[]): string[] {
  if (receipts.length === 0 || receipts.length > MAX_SPLIT_RECEIPTS) {
    throw new InvalidCommandError(
      'INVALID_RECEIPTS',
      `A split moves 1–${MAX_SPLIT_RECEIPTS} opinions, named by their receipts.`,
    );
  }
  const normalized = receipts.map((typed) => {
    const receipt = normalizeReceipt(typed);
    if (!receipt) throw new InvalidCommandError('INVALID_RECEIPT', `${typed} is not a receipt.`, { receipt: typed });
    return receipt;
  });
  return [...new Set(normalized)];
}

/** The cluster a merge keeps: the largest, the first named among equals. Its id, answer-free by rule, stays. */
export function mergeTarget<T extends { clusterId: string; size: number }>(clusters: readonly T[]): T {
  return clusters.reduce((best, cluster) => (cluster.size > best.size ? cluster : best));
}

/** The keywords of a merged cluster: the kept cluster's first, then the others', each once, at most 10. */
export function mergedKeywords(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].slice(0, KEYWORDS_KEPT);
}
