import { EMPTY_ROOT, type Hash, nodeHash } from './hashing';
import { consistencyPlan, inclusionPlan, type LeafRange, type NodeId, rangeNodes } from './tree-math';

/** The stored hash of a complete subtree; throws when the store lacks it (a tree smaller than asked). */
export type NodeLookup = (node: NodeId) => Hash;

/** MTH of a range from its complete subtrees: hashes folded from the right, as RFC 9162 splits. */
export function foldRight(hashes: readonly Hash[]): Hash {
  const last = hashes.at(-1);
  if (!last) throw new RangeError('no hashes to fold');
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = nodeHash(hashes[i]!, acc);
  return acc;
}

export function rangeHash(range: LeafRange, lookup: NodeLookup): Hash {
  return foldRight(rangeNodes(range).map(lookup));
}

/** The root hash of the first `size` leaves (EMPTY_ROOT for 0). */
export function rootHash(size: number, lookup: NodeLookup): Hash {
  return size === 0 ? EMPTY_ROOT : rangeHash({ start: 0, end: size }, lookup);
}

export function inclusionProof(index: number, size: number, lookup: NodeLookup): Hash[] {
  return inclusionPlan(index, size).map((range) => rangeHash(range, lookup));
}

export function consistencyProof(first: number, second: number, lookup: NodeLookup): Hash[] {
  return consistencyPlan(first, second).map((range) => rangeHash(range, lookup));
}
