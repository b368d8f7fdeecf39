/**
 * Issue 16: a cluster records the stance of its opinions (`support`, `oppose`, `mixed`, `none`; set by
 * clustering, corrected by staff) and its kind: `opinions`, or `placeholder` — the one category per round
 * of opinions that say nothing themselves ("见附件", "同上", "无"), counted and shown to staff but never
 * concentrated. The same SQL on both dialects. Frozen once landed.
 */
export const CLUSTER_STANCE_AND_KIND: readonly string[] = [
  `ALTER TABLE opinion_clusters ADD COLUMN stance VARCHAR(8) NOT NULL DEFAULT 'none'`,
  `ALTER TABLE opinion_clusters ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'opinions'`,
];
