// The opinion-analysis engine: near-duplicate detection and topic clustering of a round's opinions
// (ADR 45). Pure and in-process, used by the clustering activity through libs/persistence; never by
// workflows/, so the workflow bundle does not carry it.
export { estimatedSimilarity, isConcentrated, minHash, NearDuplicateIndex, SIGNATURE_HASHES } from './near-duplicates';
export { OpinionClusterer, type Clustering, type OpinionCluster } from './opinion-clustering';
