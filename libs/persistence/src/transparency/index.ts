export { publicLogLeaf } from './leaf';
export { appendTreeLeaves, backfillTree, type NewLeaf } from './tree-writer';
export { consistencyProofAt, inclusionProofAt, leafAt, leafOf, treeRootAt, treeSize } from './tree-reader';
export {
  latestCheckpoint,
  recordCheckpoint,
  type StoredCheckpoint,
  TreeInconsistentError,
} from './checkpoints.repository';
export {
  checkpointOfSize,
  type CosignatureRequest,
  cosignaturesOf,
  type NewCosignature,
  recordCosignatures,
  type RecordedCosignatures,
  type StoredCosignature,
} from './cosignatures.repository';
