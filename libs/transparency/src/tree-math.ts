/**
 * Where the hashes of a proof come from, without reading any. A tree stores the hash of every complete
 * subtree (a `NodeId`: 2^level leaves starting at index × 2^level); any range the RFC 9162 proofs need
 * is one such node or a right edge made of a few of them, so a proof is a plan of ranges, each folded
 * from the nodes `rangeNodes` names. Sizes and indexes are plain numbers (exact below 2^53): no bitwise
 * operators, which would truncate to 32 bits.
 */

/** The complete subtree of 2^level leaves whose first leaf is index × 2^level. */
export interface NodeId {
  level: number;
  index: number;
}

/** The leaves [start, end) whose Merkle tree hash (MTH) is one element of a proof. */
export interface LeafRange {
  start: number;
  end: number;
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up [start, end), largest first, when start is a multiple of a power of
 * two at least end − start (true of every range in a proof plan and of [0, size)). MTH of the range is
 * their hashes folded from the right: `foldRight`.
 */
export function rangeNodes({ start, end }: LeafRange): NodeId[] {
  if (end <= start) throw new RangeError(`empty range [${start}, ${end})`);
  const nodes: NodeId[] = [];
  let at = start;
  let size = 2 ** Math.floor(Math.log2(end - start));
  while (at < end) {
    while (size > end - at) size /= 2;
    if (at % size !== 0) throw new RangeError(`range [${start}, ${end}) is not aligned at ${at}`);
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

/** RFC 9162 §2.1.3.1 PATH(index, D[0:size]): the ranges of an inclusion proof, from the leaf up. */
export function inclusionPlan(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const plan: LeafRange[] = [];
  let [start, end, m] = [0, size, index];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      plan.push({ start: start + k, end });
      end = start + k;
    } else {
      plan.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  return plan.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(first, D[0:second]): the ranges of a consistency proof, in proof order. */
export function consistencyPlan(first: number, second: number): LeafRange[] {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    throw new RangeError(`no consistency proof from size ${first} to size ${second}`);
  if (first === 0 || first === second) return [];
  const plan: LeafRange[] = [];
  let [start, end, m, whole] = [0, second, first, true];
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      plan.push({ start: start + k, end });
      end = start + k;
    } else {
      plan.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) plan.push({ start, end });
  return plan.reverse();
}

/** Every node a plan reads, each once. */
export function planNodes(plan: readonly LeafRange[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const range of plan) for (const node of rangeNodes(range)) seen.set(nodeKey(node), node);
  return [...seen.values()];
}

export function nodeKey({ level, index }: NodeId): string {
  return `${level}/${index}`;
}

/**
 * The nodes created when leaf `index` is appended: the leaf itself (level 0), then each complete
 * subtree it closes, up to the one of the largest power of two dividing index + 1.
 */
export function nodesClosedBy(index: number): NodeId[] {
  const nodes: NodeId[] = [{ level: 0, index }];
  let [level, count] = [0, index + 1];
  while (count % 2 === 0) {
    count /= 2;
    level += 1;
    nodes.push({ level, index: count - 1 });
  }
  return nodes;
}
