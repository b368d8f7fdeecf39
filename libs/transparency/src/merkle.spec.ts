import vectors from './testdata/rfc9162-vectors.json';
import {
  consistencyProof,
  EMPTY_ROOT,
  type Hash,
  inclusionProof,
  leafHash,
  MemoryTree,
  nodeHash,
  rootFromInclusionProof,
  rootHash,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './index';

const h = (hex: string): Hash => Buffer.from(hex, 'hex');
const hexes = (hashes: Hash[]): string[] => hashes.map((x) => x.toString('hex'));

function vectorTree(): MemoryTree {
  const tree = new MemoryTree();
  for (const leaf of vectors.leaves) tree.appendLeaf(h(leaf));
  return tree;
}

/** RFC 9162 §2.1.1 MTH, written as the recursion reads, to check the stored-subtree shortcut against. */
function naiveRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

function flipBit(proof: Hash[], at: number): Hash[] {
  return proof.map((x, i) => (i === at ? Buffer.from(x.map((b, j) => (j === 0 ? b ^ 8 : b))) : x));
}

describe('Merkle tree hashing (RFC 9162 §2.1.1)', () => {
  it('hashes the empty tree, leaves and nodes as the reference vectors say', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(vectors.hashes.emptyRoot);
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(vectors.hashes.emptyLeaf);
    expect(leafHash(Buffer.from('L123456')).toString('hex')).toBe(vectors.hashes.leafL123456);
    expect(nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe(vectors.hashes.nodeN123N456);
  });

  it('gives the reference root for every prefix of the reference leaves', () => {
    const tree = vectorTree();
    vectors.roots.forEach((root, i) => expect(rootHash(i + 1, tree.lookup).toString('hex')).toBe(root));
    expect(rootHash(0, tree.lookup)).toEqual(EMPTY_ROOT);
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it.each(vectors.inclusion)('produces and verifies the reference proof for leaf $index of $size', (v) => {
    const tree = vectorTree();
    const proof = inclusionProof(v.index, v.size, tree.lookup);
    expect(hexes(proof)).toEqual(v.proof);
    const root = h(vectors.roots[v.size - 1]!);
    const leaf = leafHash(h(vectors.leaves[v.index]!));
    expect(verifyInclusion(v.index, v.size, leaf, proof, root)).toEqual({ ok: true });
  });

  it('rejects a proof with a wrong index, size, leaf, root, element or length', () => {
    const [index, size] = [5, 8];
    const proof = vectors.inclusion[2]!.proof.map(h);
    const [leaf, root] = [leafHash(h(vectors.leaves[index]!)), h(vectors.roots[size - 1]!)];
    const bad: [number, number, Hash, Hash[], Hash][] = [
      [index - 1, size, leaf, proof, root],
      [index + 1, size, leaf, proof, root],
      [index, size * 2, leaf, proof, root],
      [index, size / 2, leaf, proof, root],
      [index, size, leafHash(Buffer.from('WrongLeaf')), proof, root],
      [index, size, leaf, proof, EMPTY_ROOT],
      [index, size, leaf, [...proof, root], root],
      [index, size, leaf, [root, ...proof], root],
      [index, size, leaf, proof.slice(0, -1), root],
      ...proof.map((_, i): [number, number, Hash, Hash[], Hash] => [index, size, leaf, flipBit(proof, i), root]),
    ];
    for (const args of bad) expect(verifyInclusion(...args).ok).toBe(false);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it.each(vectors.consistency)('produces and verifies the reference proof from $first to $second', (v) => {
    const proof = consistencyProof(v.first, v.second, vectorTree().lookup);
    expect(hexes(proof)).toEqual(v.proof);
    const [r1, r2] = [h(vectors.roots[v.first - 1]!), h(vectors.roots[v.second - 1]!)];
    expect(verifyConsistency(v.first, v.second, r1, r2, proof)).toEqual({ ok: true });
  });

  it('rejects a proof with a wrong size, root, element or length', () => {
    const [first, second] = [6, 8];
    const proof = vectors.consistency[2]!.proof.map(h);
    const [r1, r2] = [h(vectors.roots[first - 1]!), h(vectors.roots[second - 1]!)];
    const bad: [number, number, Hash, Hash, Hash[]][] = [
      [first - 1, second, r1, r2, proof],
      [first + 1, second, r1, r2, proof],
      [first, second * 2, r1, r2, proof],
      [first, second, r2, r1, proof],
      [first, second, r1, r2, []],
      [first, second, r1, r2, [...proof, r1]],
      [first, second, r1, r2, [r2, ...proof]],
      [first, second, r1, r2, proof.slice(0, -1)],
      [second, first, r2, r1, proof],
      ...proof.map((_, i): [number, number, Hash, Hash, Hash[]] => [first, second, r1, r2, flipBit(proof, i)]),
    ];
    for (const args of bad) expect(verifyConsistency(...args).ok).toBe(false);
  });
});

describe('proofs from stored complete subtrees', () => {
  it('agree with the RFC recursion for every leaf and every pair of sizes up to 40 leaves', () => {
    const tree = new MemoryTree();
    const leaves = Array.from({ length: 40 }, (_, i) => tree.appendLeaf(Buffer.from(`leaf ${i}`)));
    const roots = [EMPTY_ROOT, ...leaves.map((_, i) => naiveRoot(leaves.slice(0, i + 1)))];
    for (let size = 1; size <= leaves.length; size += 1) {
      expect(rootHash(size, tree.lookup)).toEqual(roots[size]);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(index, size, tree.lookup);
        expect(rootFromInclusionProof(index, size, leaves[index]!, proof)).toEqual(roots[size]);
      }
      for (let first = 0; first <= size; first += 1) {
        const proof = consistencyProof(first, size, tree.lookup);
        expect(verifyConsistency(first, size, roots[first]!, roots[size]!, proof)).toEqual({ ok: true });
      }
    }
  });
});
