export { EMPTY_ROOT, type Hash, leafHash, nodeHash } from './hashing';
export {
  consistencyPlan,
  inclusionPlan,
  type LeafRange,
  type NodeId,
  nodeKey,
  nodesClosedBy,
  planNodes,
  rangeNodes,
  splitPoint,
} from './tree-math';
export { consistencyProof, foldRight, inclusionProof, type NodeLookup, rangeHash, rootHash } from './assemble';
export { type ProofVerdict, rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
export { MemoryTree } from './memory-tree';
export {
  ED25519,
  formatVerifierKey,
  generateSignerKey,
  keyHash,
  NoteError,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signatureLine,
  signNote,
} from './note';
export { type Checkpoint, checkpointText, openCheckpoint, parseCheckpointText, signCheckpoint } from './checkpoint';
export {
  asCosigner,
  COSIGNATURE_V1,
  cosignatureLineTime,
  cosignatureTime,
  cosignCheckpoint,
  cosignedMessage,
  parseCosignerKey,
} from './cosignature';
export {
  fromBase64,
  keyHashOf,
  type NoteParts,
  parseCheckpointBody,
  parseVerifierKeyText,
  pureLeafHash,
  sameBytes,
  signaturesBy,
  splitNote,
  toBase64,
  type VerifierKeyParts,
} from './proof-check';
