/** Nest injection tokens of the gateway's infrastructure. */
export const CONFIG = Symbol('GatewayConfig');
export const DATA_SOURCE = Symbol('DataSource');
export const TEMPORAL_CLIENT = Symbol('TemporalClient');
export const LOGGER = Symbol('Logger');
/** The opinion intake's group committer: one per gateway process (DESIGN.md §5). */
export const OPINION_INTAKE = Symbol('OpinionIntake');
/** The limit store every gateway shares (database or Redis, ADR 31). */
export const LIMIT_STORE = Symbol('LimitStore');
/** The content-addressed store of attached files (`ATTACHMENT_STORE`, ADR 74). */
export const ATTACHMENT_STORE = Symbol('AttachmentStore');
/** The public timelines kept in memory while provably current (ADR 0126). */
export const PUBLIC_TIMELINES = Symbol('PublicTimelines');
