/** Nest injection tokens of the gateway's infrastructure. */
export const CONFIG = Symbol('GatewayConfig');
export const DATA_SOURCE = Symbol('DataSource');
export const TEMPORAL_CLIENT = Symbol('TemporalClient');
export const LOGGER = Symbol('Logger');
