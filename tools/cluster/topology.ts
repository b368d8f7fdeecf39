import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

/**
 * The Temporal side of the production topology, the one source for what `npm run cluster` runs here and
 * what deploy/ ships (ADR 51): `test/deploy/cluster-topology.spec.ts` fails when deploy/compose or the Helm
 * values say otherwise. Sizes differ by intent only: `production` is what deploy/ asks for, `local` is
 * what one shared machine can carry (PostgreSQL's 100 connections, two cores).
 */
export const TEMPORAL_TOPOLOGY = {
  /** temporal-server, temporal-sql-tool, the compose and Helm images; the one the CLI 1.5.1 embeds. */
  serverVersion: '1.29.1',
  /** The admin-tools image deploy/ runs the schema and namespace jobs with. */
  adminToolsTag: '1.29.1-tctl-1.18.4-cli-1.5.0',
  sqlPlugin: 'postgres12',
  /** Persistence and visibility in separate databases (visibility is SQL: no Elasticsearch). */
  databases: { persistence: 'temporal', visibility: 'temporal_visibility' },
  /** The schemas embedded in temporal-sql-tool, applied with `update-schema --schema-name`. */
  schemaNames: { persistence: 'postgresql/v12/temporal', visibility: 'postgresql/v12/visibility' },
  namespace: { name: 'open-decision', retention: '30d' },
  searchAttributes: SEARCH_ATTRIBUTE_KEYS.map((key) => ({ name: key.name, type: key.type })),
  /** Fixed forever once a cluster's persistence has been created. */
  numHistoryShards: { production: 512, local: 16 },
  /** Connection pools per server process. */
  pools: {
    production: {
      persistence: { maxConns: 20, maxIdleConns: 20, maxConnLifetime: '1h' },
      visibility: { maxConns: 10, maxIdleConns: 10, maxConnLifetime: '1h' },
    },
    local: {
      persistence: { maxConns: 3, maxIdleConns: 3, maxConnLifetime: '1h' },
      visibility: { maxConns: 2, maxIdleConns: 2, maxConnLifetime: '1h' },
    },
  },
  /** Server processes per service (Helm: `server.replicaCount`, the same for each service). */
  replicas: {
    production: { frontend: 2, history: 2, matching: 2, worker: 2 },
    local: { frontend: 2, history: 2, matching: 2, worker: 1 },
  },
} as const;

export type TemporalService = keyof typeof TEMPORAL_TOPOLOGY.replicas.local;
export type Sizing = 'production' | 'local';

/** The compose/Helm form of a search attribute type (`temporal operator search-attribute create --type`). */
export const cliAttributeType = (type: string): string =>
  ({ KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool', TEXT: 'Text', INT: 'Int', DOUBLE: 'Double' })[type] ??
  type;
