/**
 * The newest public log entries across all decisions (the Atom feed) are read by walking this index
 * backwards, instead of sorting the whole log on every request. The same SQL on both dialects. Frozen once landed.
 */
export const PUBLIC_EVENTS_RECENT_INDEX: readonly string[] = [
  `CREATE INDEX public_events_recent ON public_events (occurred_at, decision_id, seq)`,
];
