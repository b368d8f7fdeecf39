import { fmix32, imul, scanText, type ScannedText } from './opinion-text';
import { ensureLength, U32Map } from './typed-tables';

/**
 * Near-duplicate and form-letter detection for opinions (SPEC.md §3.4, first stage of clustering):
 * character 3-shingles of the letters and digits (works for Chinese, which has no spaces), 64-value
 * one-permutation MinHash signatures and LSH banding (16 bands × 4), then a union of every candidate
 * pair whose estimated Jaccard similarity reaches the threshold (0.6). Exact copies (same letters and
 * digits) are united by a 64-bit hash of the text before any MinHash. Pure and deterministic (fixed
 * seeds); opinions are added one at a time, so a caller can stream them from the database (~3 µs each).
 *
 * Memory, for a million opinions of ~150 characters, stays in typed arrays (measured ~90 MB for the
 * benchmark's consultation, ~270 MB if every opinion were different):
 * - an opinion's signature is kept only while it stands for an LSH bucket, and then only as 8-bit
 *   fingerprints of its 64 minima (b-bit MinHash: 64 bytes; a false equal position has chance 1/256,
 *   corrected for in the estimate);
 * - each of the 16 bands is an open-addressing table from a 32-bit band hash to one representative
 *   (the first opinion in that bucket): later members are compared with it and united, so one is enough;
 * - union-find parents in an Int32Array; the root of a group is its first opinion.
 */

export const SIGNATURE_HASHES = 64;
const BANDS = 16;
const ROWS = SIGNATURE_HASHES / BANDS;
const SHINGLE = 3;
const CHUNK_SHIFT = 14;
const CHUNK = 1 << CHUNK_SHIFT;
const EMPTY = 0xffffffff;
/** Chance that two different minima share their 8-bit fingerprint. */
const FALSE_MATCH = 1 / 256;
const scratch = new Uint32Array(SIGNATURE_HASHES);

/**
 * One-permutation MinHash with optimal densification (Shrivastava 2017): each shingle hash falls into
 * one of 64 bins by its top 6 bits and keeps the minimum of its low 26 bits there, so a text costs one
 * hash per shingle instead of 64; an empty bin borrows the value of a bin chosen by a fixed sequence of
 * probes (the same for every text, which keeps the estimate unbiased). Writes the signature to `out`.
 */
function minHashInto(scan: ScannedText, out: Uint32Array): void {
  out.fill(EMPTY);
  const { letters, letterCount } = scan;
  const shingleCount = letterCount < SHINGLE ? Math.min(letterCount, 1) : letterCount - SHINGLE + 1;
  for (let s = 0; s < shingleCount; s += 1) {
    let x = fmix32(letters[s]!);
    for (let j = 1; j < SHINGLE && s + j < letterCount; j += 1) x = fmix32(x ^ letters[s + j]!);
    const bin = x >>> 26;
    const value = x & 0x3ffffff;
    if (value < out[bin]!) out[bin] = value;
  }
  if (shingleCount === 0) return;
  for (let bin = 0; bin < SIGNATURE_HASHES; bin += 1) {
    if (out[bin]! < 0x4000000) continue;
    for (let attempt = 1; ; attempt += 1) {
      // After 256 probes (never seen in practice) take the next bins in order, so the loop always ends.
      const from =
        attempt <= 256 ? fmix32(imul(bin + 1, 0x9e3779b1) ^ attempt) >>> 26 : (bin + attempt) % SIGNATURE_HASHES;
      const borrowed = out[from]!;
      if (borrowed < 0x4000000) {
        out[bin] = borrowed | 0x4000000;
        break;
      }
    }
  }
  for (let bin = 0; bin < SIGNATURE_HASHES; bin += 1) out[bin] = out[bin]! & 0x3ffffff;
}

export function minHash(text: string): Uint32Array {
  const out = new Uint32Array(SIGNATURE_HASHES);
  minHashInto(scanText(text, false), out);
  return out;
}

/** The share of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_HASHES; i += 1) if (a[i] === b[i]) same += 1;
  return same / SIGNATURE_HASHES;
}

const fold8 = (v: number): number => (v ^ (v >>> 8) ^ (v >>> 16) ^ (v >>> 24)) & 0xff;

/** Two independent hashes of the letters: together 64 bits, so distinct texts never pass as copies. */
function exactHashes(scan: ScannedText): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < scan.letterCount; i += 1) {
    const c = scan.letters[i]!;
    a = imul(a ^ c, 0x01000193);
    b = imul(b ^ c, 0x85ebca77) ^ (b >>> 13);
  }
  return [fmix32(a ^ scan.letterCount), fmix32(b)];
}

export class NearDuplicateIndex {
  private count = 0;
  private parent = new Int32Array(1024);
  /** Per opinion: slot of its stored fingerprints, or −1. */
  private fingerprintSlot = new Int32Array(1024);
  private readonly fingerprints: Uint8Array[] = [];
  private fingerprintCount = 0;
  private readonly bands = Array.from({ length: BANDS }, () => new U32Map());
  private readonly exact = new U32Map();
  private exactCheck = new Uint32Array(1024);
  /** Whether the last added opinion joined an earlier group while being added (a copy or a variant). */
  lastJoined = false;

  /** @param threshold estimated Jaccard similarity from which two opinions are the same letter. */
  constructor(private readonly threshold = 0.6) {}

  get size(): number {
    return this.count;
  }

  /** Adds an opinion and returns its index (0, 1, 2, … in the order added). */
  add(text: string): number {
    return this.addScanned(scanText(text, false));
  }

  /** Adds an opinion from a fresh `scanText` of it (the buffers must not have been reused since). */
  addScanned(scan: ScannedText): number {
    const index = this.count;
    this.count += 1;
    this.parent = ensureLength(this.parent, this.count);
    this.fingerprintSlot = ensureLength(this.fingerprintSlot, this.count);
    this.exactCheck = ensureLength(this.exactCheck, this.count);
    this.parent[index] = index;
    this.fingerprintSlot[index] = -1;
    this.lastJoined = false;
    const [key, check] = exactHashes(scan);
    const copyOf = this.exact.get(key);
    if (copyOf !== -1 && this.exactCheck[copyOf] === check) {
      this.union(index, copyOf);
      this.lastJoined = true;
      return index;
    }
    if (copyOf === -1) {
      this.exact.set(key, index);
      this.exactCheck[index] = check;
    }
    minHashInto(scan, scratch);
    let representsABucket = false;
    for (let band = 0; band < BANDS; band += 1) {
      let h = fmix32(band + 1);
      for (let r = band * ROWS; r < (band + 1) * ROWS; r += 1) h = fmix32(h ^ scratch[r]!);
      const table = this.bands[band]!;
      const other = table.get(h);
      if (other === -1) {
        table.set(h, index);
        representsABucket = true;
      } else if (this.find(other) !== this.find(index) && this.similarityTo(other) >= this.threshold) {
        this.union(index, other);
        this.lastJoined = true;
      }
    }
    if (representsABucket) this.storeFingerprints(index);
    return index;
  }

  /** The group (its first opinion's index) that opinion `i` belongs to. */
  find(i: number): number {
    const parent = this.parent;
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  }

  /** Groups of indices (singletons included), largest first, then by first index. For small inputs. */
  clusters(): number[][] {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.count; i += 1) {
      const root = this.find(i);
      const group = groups.get(root) ?? [];
      group.push(i);
      groups.set(root, group);
    }
    return [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  }

  /** Bytes held in typed arrays (for the memory test and the benchmark). */
  get bytes(): number {
    const tables = this.bands.reduce((sum, table) => sum + table.bytes, this.exact.bytes);
    return (
      tables +
      this.parent.byteLength +
      this.fingerprintSlot.byteLength +
      this.exactCheck.byteLength +
      this.fingerprints.length * CHUNK * SIGNATURE_HASHES
    );
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  private storeFingerprints(index: number): void {
    const slot = this.fingerprintCount;
    this.fingerprintCount += 1;
    if (slot >>> CHUNK_SHIFT === this.fingerprints.length)
      this.fingerprints.push(new Uint8Array(CHUNK * SIGNATURE_HASHES));
    const chunk = this.fingerprints[slot >>> CHUNK_SHIFT]!;
    const at = (slot & (CHUNK - 1)) * SIGNATURE_HASHES;
    for (let k = 0; k < SIGNATURE_HASHES; k += 1) chunk[at + k] = fold8(scratch[k]!);
    this.fingerprintSlot[index] = slot;
  }

  /** Estimated Jaccard similarity of the opinion in `scratch` to stored opinion `other`. */
  private similarityTo(other: number): number {
    const slot = this.fingerprintSlot[other]!;
    const chunk = this.fingerprints[slot >>> CHUNK_SHIFT]!;
    const at = (slot & (CHUNK - 1)) * SIGNATURE_HASHES;
    let same = 0;
    for (let k = 0; k < SIGNATURE_HASHES; k += 1) if (chunk[at + k] === fold8(scratch[k]!)) same += 1;
    return (same / SIGNATURE_HASHES - FALSE_MATCH) / (1 - FALSE_MATCH);
  }
}

/** Whether a cluster is "concentrated" under the policy (SPEC.md §3.4): ≥ max(min, share × total). */
export function isConcentrated(
  size: number,
  totalOpinions: number,
  policy: { concentratedMin: number; concentratedShare: number },
): boolean {
  return size >= Math.max(policy.concentratedMin, policy.concentratedShare * totalOpinions);
}
