import { fmix32, imul, scanText, type ScannedText } from './opinion-text';
import { ensureLength, U32Map } from './typed-tables';
import { compatibleStances, mergedStances, type StanceSignature } from './stance';

/**
 * Near-duplicate and form-letter groups (SPEC.md §3.4, first stage of clustering; issue 16), streaming
 * and deterministic. A text joins a group only after an exact check:
 *
 * 1. Exact copies (same letters and digits, 64-bit hash) join their original at once.
 * 2. Candidates come from MinHash LSH: a 64-value one-permutation MinHash of the text's character
 *    3-shingles, 21 bands × 3 rows. A pair at Jaccard 0.7 shares a band with probability
 *    1 − (1 − 0.7³)²¹ > 0.9998 (0.6: 0.994). A bucket keeps up to 8 members, not one representative:
 *    a text that starts a group or joined one as a core member (step 4) is filed in each of its buckets
 *    where its group has no member yet; members that are no bridge are not filed.
 * 3. Each candidate is verified: stance signatures must be compatible (stance.ts: a flipped letter is
 *    never joined, whatever its similarity); the 8-bit MinHash fingerprints must not rule it out (an
 *    estimate 0.25 below the threshold: a pair at 0.7 lands there with p < 1e-8); then the exact
 *    3-shingle Jaccard of the two texts, recomputed from the kept letters, must reach the threshold (0.6).
 * 4. No chaining: a text joins through a member only when that member is *core* — the group's first text
 *    (its anchor) or a text within the threshold of the anchor. A member that joined through another and
 *    is itself below the threshold to the anchor is no bridge, so a group cannot drift, text by text, to
 *    texts that share nothing with its first one.
 * The first candidate (band order, then bucket order) that passes wins; groups are never merged.
 *
 * Memory, per filed text (exact copies never are): its letters (2 bytes each), 64 bytes of fingerprints
 * and up to 21 band-table slots (a bucket of one member is the slot itself; a larger one is a block of
 * 8 members, 32 bytes, in one Int32Array); per opinion a 32-byte record.
 */

export const SIGNATURE_HASHES = 64;
const BANDS = 21;
const ROWS = 3;
const SHINGLE = 3;
const BUCKET_MEMBERS = 8;
const POOL_CHUNK = 1 << 21;
const FINGERPRINT_CHUNK = 1 << 14;
const EMPTY = 0xffffffff;
/** A band-table value at or above this is a bucket list (value − LIST); below it, the one member. */
const LIST = 1 << 30;
/** Fields of an opinion's record in NearDuplicateIndex (see there). */
const RECORD = 8;
const PARENT = 0;
const CORE = 1;
const SLOT = 2;
const SEEN = 3;
const CHECK = 4;
const STANCE = 5;
/** An estimate this far below the threshold skips the exact check. */
const ESTIMATE_MARGIN = 0.25;
/** Chance that two different minima share their 8-bit fingerprint. */
const FALSE_MATCH = 1 / 256;

const scratch = new Uint32Array(SIGNATURE_HASHES);
const scratchFingerprint = new Uint8Array(SIGNATURE_HASHES);
const scratchWords = new Uint32Array(scratchFingerprint.buffer);
const bandHashes = new Uint32Array(BANDS);
const fold8 = (v: number): number => (v ^ (v >>> 8) ^ (v >>> 16) ^ (v >>> 24)) & 0xff;
/** The text being added: its letters, shingle hashes (text order) and, once needed, its sorted set. */
let letters = new Uint32Array(1024);
let letterCount = 0;
let shingles = new Uint32Array(1024);
let shingleCount = 0;
let textSet = new Uint32Array(1024);
let textSetSize = -1;
let otherLetters = new Uint32Array(1024);
let otherSet = new Uint32Array(1024);

/** Shingle hashes of `source[0..count)` into `out` (a text of one or two letters is one shingle). */
function shingleHashes(source: Uint32Array, count: number, out: Uint32Array): number {
  const n = count < SHINGLE ? Math.min(count, 1) : count - SHINGLE + 1;
  for (let s = 0; s < n; s += 1) {
    let x = fmix32(source[s]!);
    for (let j = 1; j < SHINGLE && s + j < count; j += 1) x = fmix32(x ^ source[s + j]!);
    out[s] = x;
  }
  return n;
}

/** Sorts `set[0..n)` and drops repeats; returns the distinct count. */
function distinctSorted(set: Uint32Array, n: number): number {
  set.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i += 1) if (distinct === 0 || set[i] !== set[distinct - 1]) set[distinct++] = set[i]!;
  return distinct;
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

/** How many of the four bytes of `x` are zero (bit tricks: no loop, no branch). */
function equalBytes(x: number): number {
  const high = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) >>> 7;
  return imul(high & 0x01010101, 0x01010101) >>> 24;
}

/** Two independent hashes of the letters: together 64 bits, so distinct texts never pass as copies. */
function exactHashes(): void {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < letterCount; i += 1) {
    const c = letters[i]!;
    a = imul(a ^ c, 0x01000193);
    b = imul(b ^ c, 0x85ebca77) ^ (b >>> 13);
  }
  exactKey = fmix32(a ^ letterCount);
  exactCheckHash = fmix32(b);
}
/** What `exactHashes` computed (module variables, no array per text). */
let exactKey = 0;
let exactCheckHash = 0;

/** Jaccard similarity of two sorted sets of distinct hashes. */
export function sortedJaccard(a: Uint32Array, aLength: number, b: Uint32Array, bLength: number): number {
  if (aLength === 0 || bLength === 0) return aLength === bLength ? 1 : 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < aLength && j < bLength) {
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
  /**
   * Per opinion, one record of RECORD Int32s (ADR 115: what verifying a candidate reads is one cache line,
   * not six arrays): its group's anchor (PARENT), whether it is core (CORE), its kept slot (SLOT, −1: not
   * kept), the last text that checked it (SEEN), its exact-copy check hash (CHECK) and, at an anchor,
   * the merged stance signature of the group's members (STANCE).
   */
  private records = new Int32Array(1024 * RECORD);
  /** Per slot: where its letters start and how many. */
  private letterAt = new Float64Array(1024);
  private letterLength = new Int32Array(1024);
  private kept = 0;
  private readonly pool: Uint16Array[] = [];
  private poolUsed = POOL_CHUNK;
  /** 8-bit fingerprints of the kept texts' MinHash values, read four at a time. */
  private readonly fingerprints: Uint32Array[] = [];
  private readonly exact = new U32Map();
  private readonly bands = Array.from({ length: BANDS }, () => new U32Map());
  /** Bucket b's members, in the order they came, at b × BUCKET_MEMBERS (one block per bucket). */
  private bucketMembers = new Int32Array(1024 * BUCKET_MEMBERS);
  private bucketSize = new Uint8Array(1024);
  private buckets = 0;
  /** Whether the last added opinion joined an earlier group. */
  lastJoined = false;

  /** @param threshold exact 3-shingle Jaccard similarity from which two opinions are the same letter. */
  /**
   * The fewest equal fingerprints (of 64) whose estimate (same / 64 − FALSE_MATCH) / (1 − FALSE_MATCH)
   * is not below threshold − ESTIMATE_MARGIN: the estimate grows with `same`, so this is the same test.
   */
  private readonly minSame: number;

  constructor(private readonly threshold = 0.6) {
    let same = 0;
    while (
      same <= SIGNATURE_HASHES &&
      (same / SIGNATURE_HASHES - FALSE_MATCH) / (1 - FALSE_MATCH) < threshold - ESTIMATE_MARGIN
    )
      same += 1;
    this.minSame = same;
  }

  get size(): number {
    return this.count;
  }

  /** Adds an opinion's text as it is (no folding, no stance: for tests and small inputs). */
  add(text: string): number {
    return this.addScanned(scanText(text, false));
  }

  /** Adds an opinion that takes no part in grouping (a placeholder): its own group, never a candidate. */
  addAlone(): number {
    return this.grow();
  }

  /** Adds an opinion from a fresh `scanText` of it and its stance signature; returns its index. */
  addScanned(scan: ScannedText, signature: StanceSignature = 0): number {
    const index = this.grow();
    this.records[index * RECORD + STANCE] = signature;
    letters = ensureLength(letters, scan.letterCount);
    letters.set(scan.letters.subarray(0, scan.letterCount));
    letterCount = scan.letterCount;
    exactHashes();
    const key = exactKey;
    const check = exactCheckHash | 0;
    const copyOf = this.exact.get(key);
    if (copyOf !== -1 && this.records[copyOf * RECORD + CHECK] === check) {
      this.join(index, copyOf, this.records[copyOf * RECORD + CORE] === 1);
      return index;
    }
    if (copyOf === -1) {
      this.exact.set(key, index);
      this.records[index * RECORD + CHECK] = check;
    }
    shingles = ensureLength(shingles, letterCount);
    shingleCount = shingleHashes(letters, letterCount, shingles);
    textSetSize = -1;
    minHashInto(scratch);
    for (let k = 0; k < SIGNATURE_HASHES; k += 1) scratchFingerprint[k] = fold8(scratch[k]!);
    for (let band = 0; band < BANDS; band += 1) bandHashes[band] = this.bandHash(band);
    const joined = this.joinACandidate(index);
    this.fileInBuckets(index, joined);
    return index;
  }

  private grow(): number {
    const index = this.count;
    this.count += 1;
    const n = this.count;
    this.records = ensureLength(this.records, n * RECORD);
    const at = index * RECORD;
    this.records[at + PARENT] = index;
    this.records[at + CORE] = 1;
    this.records[at + SLOT] = -1;
    this.records[at + SEEN] = -1;
    this.records[at + CHECK] = 0;
    this.records[at + STANCE] = 0;
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
    for (let band = 0; band < BANDS; band += 1) {
      const value = this.bands[band]!.get(bandHashes[band]!);
      if (value === -1) continue;
      if (value < LIST) {
        if (this.tryJoin(index, value)) return true;
        continue;
      }
      const from = (value - LIST) * BUCKET_MEMBERS;
      for (let entry = from, end = from + this.bucketSize[value - LIST]!; entry < end; entry += 1)
        if (this.tryJoin(index, this.bucketMembers[entry]!)) return true;
    }
    return false;
  }

  private tryJoin(index: number, member: number): boolean {
    const at = member * RECORD;
    if (this.records[at + SEEN] === index) return false;
    this.records[at + SEEN] = index;
    if (this.records[at + CORE] !== 1) return false;
    const group = this.records[at + PARENT]!;
    const stance = this.records[index * RECORD + STANCE]! >>> 0;
    // The fingerprints first (most candidates end there; the group's record may be another cache line),
    // then the stances, then the exact check: the same answer as stances first, in less time.
    const slot = this.records[at + SLOT]!;
    const estimated = slot >= 0 && this.estimatePasses(slot);
    if (!estimated && this.threshold > 0) return false;
    if (!compatibleStances(stance, this.records[group * RECORD + STANCE]! >>> 0)) return false;
    if ((estimated ? this.exactSimilarityTo(slot) : 0) < this.threshold) return false;
    this.join(index, member, member === group || this.similarityTo(group) >= this.threshold);
    return true;
  }

  private join(index: number, member: number, core: boolean): void {
    const group = this.find(member);
    this.records[index * RECORD + PARENT] = group;
    this.records[index * RECORD + CORE] = core ? 1 : 0;
    this.records[group * RECORD + STANCE] = mergedStances(
      this.records[group * RECORD + STANCE]! >>> 0,
      this.records[index * RECORD + STANCE]! >>> 0,
    );
    this.lastJoined = true;
  }

  /** Files the text in its buckets (module comment, step 2); keeps its letters when filed anywhere. */
  private fileInBuckets(index: number, joined: boolean): void {
    // A member below the threshold to the group's first text is no bridge: never a candidate.
    if (this.records[index * RECORD + CORE] !== 1) return;
    const group = this.find(index);
    let filed = !joined;
    for (let band = 0; band < BANDS; band += 1) {
      const hash = bandHashes[band]!;
      const table = this.bands[band]!;
      const value = table.get(hash);
      if (value === -1) {
        table.set(hash, index);
        filed = true;
        continue;
      }
      if (value < LIST) {
        if (joined && this.find(value) === group) continue;
        const bucket = this.newBucket();
        this.addEntry(bucket, value);
        this.addEntry(bucket, index);
        table.set(hash, bucket + LIST);
        filed = true;
        continue;
      }
      const bucket = value - LIST;
      if (this.bucketSize[bucket]! >= BUCKET_MEMBERS) continue;
      let present = false;
      const from = bucket * BUCKET_MEMBERS;
      for (let entry = from, end = from + this.bucketSize[bucket]!; entry < end && !present; entry += 1)
        present = joined && this.find(this.bucketMembers[entry]!) === group;
      if (present) continue;
      this.addEntry(bucket, index);
      filed = true;
    }
    if (filed) this.keep(index);
  }

  private newBucket(): number {
    const bucket = this.buckets;
    this.buckets += 1;
    this.bucketMembers = ensureLength(this.bucketMembers, this.buckets * BUCKET_MEMBERS);
    this.bucketSize = ensureLength(this.bucketSize, this.buckets);
    this.bucketSize[bucket] = 0;
    return bucket;
  }

  /** Appends (members stay in the order they came). */
  private addEntry(bucket: number, member: number): void {
    const size = this.bucketSize[bucket]!;
    this.bucketMembers[bucket * BUCKET_MEMBERS + size] = member;
    this.bucketSize[bucket] = size + 1;
  }

  /** Keeps the text's letters (UTF-16) and fingerprints for the checks of later texts. */
  private keep(index: number): void {
    let units = 0;
    for (let i = 0; i < letterCount; i += 1) units += letters[i]! > 0xffff ? 2 : 1;
    if (this.poolUsed + units > POOL_CHUNK) {
      this.pool.push(new Uint16Array(Math.max(POOL_CHUNK, units)));
      this.poolUsed = 0;
    }
    const chunk = this.pool.length - 1;
    const pool = this.pool[chunk]!;
    let at = this.poolUsed;
    for (let i = 0; i < letterCount; i += 1) {
      const cp = letters[i]!;
      if (cp > 0xffff) {
        pool[at++] = 0xd800 + ((cp - 0x10000) >> 10);
        pool[at++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      } else pool[at++] = cp;
    }
    const slot = this.kept;
    this.kept += 1;
    this.letterAt = ensureLength(this.letterAt, this.kept);
    this.letterLength = ensureLength(this.letterLength, this.kept);
    this.letterAt[slot] = chunk * POOL_CHUNK + this.poolUsed;
    this.letterLength[slot] = units;
    this.poolUsed = at;
    if (slot >>> 14 === this.fingerprints.length)
      this.fingerprints.push(new Uint32Array((FINGERPRINT_CHUNK * SIGNATURE_HASHES) / 4));
    this.fingerprints[slot >>> 14]!.set(scratchWords, ((slot & (FINGERPRINT_CHUNK - 1)) * SIGNATURE_HASHES) / 4);
    this.records[index * RECORD + SLOT] = slot;
  }

  /** The similarity of the text being added to kept opinion `other` (0 when the estimate rules it out). */
  private similarityTo(other: number): number {
    const slot = this.records[other * RECORD + SLOT]!;
    if (slot < 0) return 0;
    return this.estimatePasses(slot) ? this.exactSimilarityTo(slot) : 0;
  }

  /**
   * Whether the fingerprints' estimate of the similarity to kept slot `slot` reaches the threshold less
   * the margin: at least `minSame` equal fingerprints of 64, and it stops as soon as the words left
   * cannot bring it there.
   */
  private estimatePasses(slot: number): boolean {
    const fingerprints = this.fingerprints[slot >>> 14]!;
    const from = ((slot & (FINGERPRINT_CHUNK - 1)) * SIGNATURE_HASHES) / 4;
    const words = SIGNATURE_HASHES / 4;
    let same = 0;
    for (let k = 0; k < words; k += 1) {
      same += equalBytes(fingerprints[from + k]! ^ scratchWords[k]!);
      if (same + 4 * (words - 1 - k) < this.minSame) return false;
    }
    return same >= this.minSame;
  }

  /** Exact 3-shingle Jaccard of the text being added and kept slot `slot`, from their letters. */
  private exactSimilarityTo(slot: number): number {
    if (textSetSize < 0) {
      textSet = ensureLength(textSet, shingleCount);
      textSet.set(shingles.subarray(0, shingleCount));
      textSetSize = distinctSorted(textSet, shingleCount);
    }
    const at = this.letterAt[slot]!;
    const units = this.letterLength[slot]!;
    const chunk = Math.floor(at / POOL_CHUNK);
    const pool = this.pool[chunk]!;
    let n = 0;
    otherLetters = ensureLength(otherLetters, units);
    for (let i = at - chunk * POOL_CHUNK, end = i + units; i < end; i += 1) {
      const unit = pool[i]!;
      if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < end) {
        otherLetters[n++] = ((unit - 0xd800) << 10) + (pool[i + 1]! - 0xdc00) + 0x10000;
        i += 1;
      } else otherLetters[n++] = unit;
    }
    otherSet = ensureLength(otherSet, n);
    const otherSize = distinctSorted(otherSet, shingleHashes(otherLetters, n, otherSet));
    return sortedJaccard(textSet, textSetSize, otherSet, otherSize);
  }

  /** The group (its anchor's index) that opinion `i` belongs to. */
  find(i: number): number {
    // Groups are stars: every member points at its anchor directly.
    return this.records[i * RECORD + PARENT]!;
  }

  /** The merged stance signature of opinion `i`'s group. */
  groupStance(i: number): StanceSignature {
    return this.records[this.find(i) * RECORD + STANCE]! >>> 0;
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
    const arrays = [
      this.records,
      this.letterAt,
      this.letterLength,
      this.bucketMembers,
      this.bucketSize,
      ...this.pool,
      ...this.fingerprints,
    ];
    const tables = this.bands.reduce((sum, table) => sum + table.bytes, this.exact.bytes);
    return arrays.reduce((sum, array) => sum + array.byteLength, tables);
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
