// The opinion-analysis engine: near-duplicate detection and topic clustering of a round's opinions
// (ADR 45), and what it reads first (ADRs 58–60): normalisation, stance, placeholders, readable labels.
// Pure and in-process, used by the clustering activity through libs/persistence; never by workflows/,
// so the workflow bundle does not carry it.
export { readableLabel, wholeWordPhrases } from './labels';
export { isConcentrated, NearDuplicateIndex, SIGNATURE_HASHES } from './near-duplicates';
export {
  OpinionClusterer,
  PLACEHOLDER_LABEL,
  type ClusterKind,
  type Clustering,
  type OpinionCluster,
} from './opinion-clustering';
export { foldPersonalDetails } from './personal-details';
export { isPlaceholderLetters } from './placeholders';
export { toSimplified } from './simplified';
export { isStance, STANCES, stanceOf, stanceSignature, type Stance } from './stance';
