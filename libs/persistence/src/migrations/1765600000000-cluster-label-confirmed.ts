/**
 * Issue 16, item 5: a cluster's label is confirmed (or edited, which confirms it) by staff before the
 * feedback report is submitted; what the public sees is the confirmed label (ADR 77). `label_confirmed_at`
 * is null until then; a clustering run writes new, unconfirmed rows. The same SQL on both dialects.
 * Frozen once landed.
 */
export const CLUSTER_LABEL_CONFIRMED: readonly string[] = [
  `ALTER TABLE opinion_clusters ADD COLUMN label_confirmed_at VARCHAR(32)`,
];
