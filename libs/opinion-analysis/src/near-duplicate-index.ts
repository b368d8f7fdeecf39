import { fmix32, imul, type ScannedText } from '../../domain/src/opinion-text';
import { ensureLength, U32Map } from '../../domain/src/typed-tables';
import { compatibleStances, mergedStances, type StanceSignature } from './stance';

/**
 * Near-duplicate and form-letter groups (SPEC.md §3.4, first stage of clustering; issue 16), streaming
 * and deterministic. A text joins a group only after an exact check:
 *
 * 1. Exact copies (same letters and digits, 64-bit hash) join their original at once.
 * 2. Candidates come from MinHash LSH: the text's character 3-shingles (sorted, distinct 32-bit hashes),
 *    a 64-value one-permutation MinHash of them, 21 bands × 3 rows. A pair at Jaccard 0.7 shares a band
 *    with probability 1 − (1 − 0.7³)²¹ > 0.9998 (0.6: 0.994). Each bucket keeps up to 8 members — every
 *    text that brought it something new (it matched no member there) — not one representative, so a
 *    new text meets the members it is like, not only the first text that happened to land there.
 * 3. Each candidate is verified exactly: the 3-shingle Jaccard of the two texts (a merge of two sorted
 *    arrays, after a size filter) must reach the threshold (0.6), and their stance signatures must be
 *    compatible (stance.ts: a flipped letter is never joined, whatever its similarity).
 * 4. No chaining: a text joins through a member only when that member is *core* — the group's first text
 *    (its anchor) or a text within the threshold of the anchor. A member that joined through another and
 *    is itself below the threshold to the anchor is no bridge, so a group cannot drift, text by text, to
 *    texts that share nothing with its first one.
 * The first candidate (band order, then bucket order) that passes wins; groups are never merged.
 *
 * Memory: the shingles of every bucket member (4 bytes a shingle) in 4 MiB chunks; per opinion ~17
 * bytes; the 21 band tables map a band hash to a bucket (a list of members in Int32Arrays).
 */

export const SIGNATURE_HASHES = 64;
const BANDS = 21;
const ROWS = 3;
const SHINGLE = 3;
const BUCKET_MEMBERS = 8;
const POOL_CHUNK = 1 << 20;
const EMPTY = 0xffffffff;

const scratch = new Uint32Array(SIGNATURE_HASHES);
let shingles = new Uint32Array(1024);
let shingleCount = 0;

/** The text's distinct shingle hashes, sorted, into `shingles`; a text of one or two letters is one shingle. */
function shinglesOf(scan: ScannedText): void {
  const { letters, letterCount } = scan;
  const count = letterCount < SHINGLE ? Math.min(letterCount, 1) : letterCount - SHINGLE + 1;
  shingles = ensureLength(shingles, count);
  for (let s = 0; s < count; s += 1) {
    let x = fmix32(letters[s]!);
    for (let j = 1; j < SHINGLE && s + j < letterCount; j += 1) x = fmix32(x ^ letters[s + j]!);
    shingles[s] = x;
  }
  const sorted = shingles.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i += 1)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  shingleCount = distinct;
}

/**
 * One-permutation MinHash with optimal densification (Shrivastava 2017) of `shingles`: each hash falls
 * into one of 64 bins by its top 6 bits and keeps the minimum of its low 26 bits; an empty bin borrows a
 * bin chosen by a fixed sequence of probes (the same for every text).
 */
function minHashInto(out: Uint32Array): void {
  out.fill(EMPTY);
  for (let s = 0; s < shingleCount; s += 1) {
    const x = shingles[s]!;
    const bin = x >>> 26;
    const value = x & 0x3ffffff;
    if (value < out[bin]!) out[bin] = value;
  }
  if (shingleCount === 0) return;
  for (let bin = 0; bin < SIGNATURE_HASHES; bin += 1) {
    if (out[bin]! < 0x4000000) continue;
    for (let attempt = 1; ; attempt += 1) {
      const from =
        attempt <= 256 ? fmix32(imul(bin + 1, 0x9e3779b1) ^ attempt) >>> 26 : (bin + attempt) % SIGNATURE_HASHES;
      if (out[from]! < 0x4000000) {
        out[bin] = out[from]! | 0x4000000;
        break;
      }
    }
  }
  for (let bin = 0; bin < SIGNATURE_HASHES; bin += 1) out[bin] = out[bin]! & 0x3ffffff;
}

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

/** Jaccard similarity of two sorted sets of distinct hashes. */
export function sortedJaccard(
  a: Uint32Array,
  aFrom: number,
  aLength: number,
  b: Uint32Array,
  bFrom: number,
  bLength: number,
): number {
  if (aLength === 0 || bLength === 0) return aLength === bLength ? 1 : 0;
  let i = aFrom;
  let j = bFrom;
  const aEnd = aFrom + aLength;
  const bEnd = bFrom + bLength;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / (aLength + bLength - shared);
}

export class NearDuplicateIndex {
  private count = 0;
  private parent = new Int32Array(1024);
  private core = new Uint8Array(1024);
  /** Per group (at its anchor): the merged stance signature of its members. */
  private stance = new Uint32Array(1024);
  /** Per opinion: where its shingles start in the pool (−1: not kept), and how many. */
  private shingleAt = new Float64Array(1024);
  private shingleLength = new Int32Array(1024);
  private readonly pool: Uint32Array[] = [];
  private poolUsed = POOL_CHUNK;
  private readonly exact = new U32Map();
  private exactCheck = new Uint32Array(1024);
  private readonly bands = Array.from({ length: BANDS }, () => new U32Map());
  private bucketHead = new Int32Array(1024);
  private bucketSize = new Uint8Array(1024);
  private buckets = 0;
  private entryMember = new Int32Array(4096);
  private entryNext = new Int32Array(4096);
  private entries = 0;
  private seen = new Int32Array(1024);
  /** Whether the last added opinion joined an earlier group. */
  lastJoined = false;

  /** @param threshold exact 3-shingle Jaccard similarity from which two opinions are the same letter. */
  constructor(private readonly threshold = 0.6) {}

  get size(): number {
    return this.count;
  }

  /** Adds an opinion that takes no part in grouping (a placeholder): its own group, never a candidate. */
  addAlone(): number {
    const index = this.grow();
    this.shingleAt[index] = -1;
    return index;
  }

  /** Adds an opinion from a fresh `scanText` of it and its stance signature; returns its index. */
  addScanned(scan: ScannedText, signature: StanceSignature = 0): number {
    const index = this.grow();
    this.stance[index] = signature;
    this.shingleAt[index] = -1;
    const [key, check] = exactHashes(scan);
    const copyOf = this.exact.get(key);
    if (copyOf !== -1 && this.exactCheck[copyOf] === check) {
      this.join(index, copyOf, this.core[copyOf] === 1);
      return index;
    }
    if (copyOf === -1) {
      this.exact.set(key, index);
      this.exactCheck[index] = check;
    }
    shinglesOf(scan);
    minHashInto(scratch);
    const joined = this.joinACandidate(index);
    this.fileInBuckets(index, joined);
    return index;
  }

  private grow(): number {
    const index = this.count;
    this.count += 1;
    const n = this.count;
    this.parent = ensureLength(this.parent, n);
    this.core = ensureLength(this.core, n);
    this.stance = ensureLength(this.stance, n);
    this.shingleAt = ensureLength(this.shingleAt, n);
    this.shingleLength = ensureLength(this.shingleLength, n);
    this.exactCheck = ensureLength(this.exactCheck, n);
    this.seen = ensureLength(this.seen, n);
    this.parent[index] = index;
    this.core[index] = 1;
    this.seen[index] = -1;
    this.lastJoined = false;
    return index;
  }

  private bandHash(band: number): number {
    let h = fmix32(band + 1);
    for (let r = band * ROWS; r < (band + 1) * ROWS; r += 1) h = fmix32(h ^ scratch[r]!);
    return h;
  }

  /** Joins the first verified candidate's group (module comment, steps 3 and 4); returns whether it did. */
  private joinACandidate(index: number): boolean {
    const signature = this.stance[index]!;
    for (let band = 0; band < BANDS; band += 1) {
      const bucket = this.bands[band]!.get(this.bandHash(band));
      if (bucket === -1) continue;
      for (let entry = this.bucketHead[bucket]!; entry !== -1; entry = this.entryNext[entry]!) {
        const member = this.entryMember[entry]!;
        if (this.seen[member] === index) continue;
        this.seen[member] = index;
        if (this.core[member] !== 1) continue;
        const group = this.find(member);
        if (!compatibleStances(signature, this.stance[group]!)) continue;
        if (this.similarityTo(member) < this.threshold) continue;
        this.join(index, member, member === group || this.similarityTo(group) >= this.threshold);
        return true;
      }
    }
    return false;
  }

  private join(index: number, member: number, core: boolean): void {
    const group = this.find(member);
    this.parent[index] = group;
    this.core[index] = core ? 1 : 0;
    this.stance[group] = mergedStances(this.stance[group]!, this.stance[index]!);
    this.lastJoined = true;
  }

  /** Files the text in each band's bucket where it is new: no member of its group there yet. */
  private fileInBuckets(index: number, joined: boolean): void {
    const group = joined ? this.find(index) : index;
    let kept = false;
    for (let band = 0; band < BANDS; band += 1) {
      const hash = this.bandHash(band);
      const table = this.bands[band]!;
      let bucket = table.get(hash);
      if (bucket === -1) {
        bucket = this.newBucket();
        table.set(hash, bucket);
      } else {
        if (this.bucketSize[bucket]! >= BUCKET_MEMBERS) continue;
        let present = false;
        for (let entry = this.bucketHead[bucket]!; entry !== -1 && !present; entry = this.entryNext[entry]!)
          present = joined && this.find(this.entryMember[entry]!) === group;
        if (present) continue;
      }
      this.addEntry(bucket, index);
      kept = true;
    }
    // An anchor always keeps its shingles: its members' core test reads them.
    if (kept || !joined) this.keepShingles(index);
  }

  private newBucket(): number {
    const bucket = this.buckets;
    this.buckets += 1;
    this.bucketHead = ensureLength(this.bucketHead, this.buckets);
    this.bucketSize = ensureLength(this.bucketSize, this.buckets);
    this.bucketHead[bucket] = -1;
    this.bucketSize[bucket] = 0;
    return bucket;
  }

  /** Appends (members stay in the order they came). */
  private addEntry(bucket: number, member: number): void {
    const entry = this.entries;
    this.entries += 1;
    this.entryMember = ensureLength(this.entryMember, this.entries);
    this.entryNext = ensureLength(this.entryNext, this.entries);
    this.entryMember[entry] = member;
    this.entryNext[entry] = -1;
    let last = this.bucketHead[bucket]!;
    if (last === -1) this.bucketHead[bucket] = entry;
    else {
      while (this.entryNext[last] !== -1) last = this.entryNext[last]!;
      this.entryNext[last] = entry;
    }
    this.bucketSize[bucket] = this.bucketSize[bucket]! + 1;
  }

  private keepShingles(index: number): void {
    if (this.poolUsed + shingleCount > POOL_CHUNK) {
      this.pool.push(new Uint32Array(Math.max(POOL_CHUNK, shingleCount)));
      this.poolUsed = 0;
    }
    const chunk = this.pool.length - 1;
    this.pool[chunk]!.set(shingles.subarray(0, shingleCount), this.poolUsed);
    this.shingleAt[index] = chunk * POOL_CHUNK + this.poolUsed;
    this.shingleLength[index] = shingleCount;
    this.poolUsed += shingleCount;
  }

  /** Exact Jaccard of the text in `shingles` and kept opinion `other` (0 when the sizes rule it out). */
  private similarityTo(other: number): number {
    const at = this.shingleAt[other]!;
    const length = this.shingleLength[other]!;
    if (at < 0) return 0;
    const small = Math.min(length, shingleCount);
    if (small < this.threshold * Math.max(length, shingleCount)) return 0;
    const chunk = Math.floor(at / POOL_CHUNK);
    return sortedJaccard(shingles, 0, shingleCount, this.pool[chunk]!, at - chunk * POOL_CHUNK, length);
  }

  /** The group (its anchor's index) that opinion `i` belongs to. */
  find(i: number): number {
    // Groups are stars: every member points at its anchor directly.
    return this.parent[i]!;
  }

  /** The merged stance signature of opinion `i`'s group. */
  groupStance(i: number): StanceSignature {
    return this.stance[this.find(i)]!;
  }

  /** Groups of indices (singletons included), largest first, then by first index. For small inputs. */
  clusters(): number[][] {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.count; i += 1) {
      const group = groups.get(this.find(i)) ?? [];
      group.push(i);
      groups.set(this.find(i), group);
    }
    return [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  }

  /** Bytes held in typed arrays (for the memory test and the benchmark). */
  get bytes(): number {
    const tables = this.bands.reduce((sum, table) => sum + table.bytes, this.exact.bytes);
    const perOpinion = [
      this.parent,
      this.core,
      this.stance,
      this.shingleAt,
      this.shingleLength,
      this.exactCheck,
      this.seen,
    ];
    return (
      tables +
      perOpinion.reduce((sum, array) => sum + array.byteLength, 0) +
      this.bucketHead.byteLength +
      this.bucketSize.byteLength +
      this.entryMember.byteLength +
      this.entryNext.byteLength +
      this.pool.reduce((sum, chunk) => sum + chunk.byteLength, 0)
    );
  }
}
