import { type Hash, nodeHash } from './hashing';

/** Why a proof fails; `ok` is the only success. */
export type ProofVerdict = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): ProofVerdict => ({ ok: false, reason });

/**
 * RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof has the wrong length
 * for (index, size). Comparing the result with a trusted root is `verifyInclusion`.
 */
export function rootFromInclusionProof(index: number, size: number, leaf: Hash, proof: readonly Hash[]): Hash | null {
  if (index < 0 || index >= size || !validHash(leaf) || !proof.every(validHash)) return null;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  proof: readonly Hash[],
  root: Hash,
): ProofVerdict {
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  if (!computed) return fail(`the proof does not fit leaf ${index} of a tree of size ${size}`);
  return computed.equals(root) ? { ok: true } : fail(`the proof leads to another root than the one of size ${size}`);
}

/**
 * RFC 9162 §2.1.4.2: whether the tree of size `second` with root `secondRoot` extends the tree of size
 * `first` with root `firstRoot`. Equal sizes need equal roots and an empty proof; size 0 is consistent
 * with everything.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: readonly Hash[],
): ProofVerdict {
  if (first < 0 || second < first) return fail(`size ${second} is smaller than size ${first}`);
  if (!proof.every(validHash)) return fail('a proof element is not a SHA-256 hash');
  if (first === second) {
    if (proof.length > 0) return fail('equal sizes take an empty proof');
    return firstRoot.equals(secondRoot) ? { ok: true } : fail(`two different roots for size ${first}`);
  }
  if (first === 0) return proof.length === 0 ? { ok: true } : fail('size 0 takes an empty proof');
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  const head = path[0];
  if (!head) return fail('empty consistency proof');
  let [fn, sn] = [first - 1, second - 1];
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let [fr, sr] = [head, head];
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('the consistency proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0) return fail('the consistency proof is too short');
  if (!fr.equals(firstRoot)) return fail(`the proof does not lead to the root of size ${first}`);
  if (!sr.equals(secondRoot)) return fail(`the proof does not lead to the root of size ${second}`);
  return { ok: true };
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

function validHash(hash: Hash): boolean {
  return hash.length === 32;
}
