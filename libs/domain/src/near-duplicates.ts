/**
 * Near-duplicate and form-letter detection for opinions (SPEC.md §3.4, first stage of clustering):
 * character shingles (works for Chinese, which has no spaces), MinHash signatures and LSH banding,
 * then a union of every candidate pair whose estimated Jaccard similarity reaches the threshold.
 * Pure and deterministic (fixed seeds); opinions are added one at a time, so a caller can stream them
 * from the database; memory per opinion is one signature (`HASHES` × 4 bytes) and its band keys.
 */

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE = 3;

/** murmur3's 32-bit finaliser: a fast, well-mixed hash of a 32-bit integer. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** Letters and digits only, case- and width-folded: punctuation and spacing do not make a letter new. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export function shingles(text: string): Set<number> {
  const chars = [...normalizeForComparison(text)];
  const result = new Set<number>();
  if (chars.length < SHINGLE) {
    if (chars.length > 0) result.add(fnv1a(chars.join('')));
    return result;
  }
  for (let i = 0; i + SHINGLE <= chars.length; i += 1) result.add(fnv1a(chars.slice(i, i + SHINGLE).join('')));
  return result;
}

export function minHash(text: string): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    for (let i = 0; i < HASHES; i += 1) {
      const h = fmix32(shingle ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The share of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i += 1) if (a[i] === b[i]) same += 1;
  return same / HASHES;
}

export class NearDuplicateIndex {
  private readonly ids: string[] = [];
  private readonly signatures: Uint32Array[] = [];
  private readonly buckets = new Map<string, number[]>();
  private readonly parent: number[] = [];

  /** @param threshold estimated Jaccard similarity from which two opinions are the same letter. */
  constructor(private readonly threshold = 0.6) {}

  add(id: string, text: string): void {
    const index = this.ids.length;
    const signature = minHash(text);
    this.ids.push(id);
    this.signatures.push(signature);
    this.parent.push(index);
    for (let band = 0; band < BANDS; band += 1) {
      const key = `${band}:${Array.from(signature.subarray(band * ROWS, (band + 1) * ROWS)).join(',')}`;
      const members = this.buckets.get(key);
      if (!members) {
        this.buckets.set(key, [index]);
        continue;
      }
      // One verified member per bucket is enough: the bucket's members are already united.
      for (const other of members) {
        if (this.find(other) === this.find(index)) break;
        if (estimatedSimilarity(signature, this.signatures[other]!) >= this.threshold) {
          this.union(index, other);
          break;
        }
      }
      if (members.length < 8) members.push(index);
    }
  }

  /** Groups of ids that are near-duplicates of each other (singletons included), largest first. */
  clusters(): string[][] {
    const groups = new Map<number, string[]>();
    for (let i = 0; i < this.ids.length; i += 1) {
      const root = this.find(i);
      const group = groups.get(root) ?? [];
      group.push(this.ids[i]!);
      groups.set(root, group);
    }
    return [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  }

  private find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Whether a cluster is "concentrated" under the policy (SPEC.md §3.4): ≥ max(min, share × total). */
export function isConcentrated(size: number, totalOpinions: number, policy: { concentratedMin: number; concentratedShare: number }): boolean {
  return size >= Math.max(policy.concentratedMin, policy.concentratedShare * totalOpinions);
}
