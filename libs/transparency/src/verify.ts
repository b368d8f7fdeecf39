import { type Hash } from './hashing';
import { inclusionProofRoot } from './proof-check';

// The proof checks live in ./proof-check.ts, pure, so that the browser verifier runs the same code.
export { type ProofVerdict, verifyConsistency, verifyInclusion } from './proof-check';

/**
 * RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof has the wrong length
 * for (index, size). Comparing the result with a trusted root is `verifyInclusion`.
 */
export function rootFromInclusionProof(index: number, size: number, leaf: Hash, proof: readonly Hash[]): Hash | null {
  const root = inclusionProofRoot(index, size, leaf, proof);
  return root && Buffer.from(root);
}
