import { TEMPORAL_TOPOLOGY, type Sizing, type TemporalService } from './topology';

/** Where Temporal's databases are, and under which names (the topology's names, maybe prefixed). */
export interface TemporalDatabases {
  host: string;
  port: number;
  user: string;
  password: string;
  persistence: string;
  visibility: string;
}

/** One server process: its service and the ports it alone uses on this machine. */
export interface TemporalNode {
  /** e.g. `history-1`. */
  name: string;
  service: TemporalService;
  grpcPort: number;
  membershipPort: number;
  /** Frontends only: the HTTP API. */
  httpPort?: number;
}

const store = (database: string, db: TemporalDatabases, pool: Record<string, string | number>) => ({
  sql: {
    pluginName: TEMPORAL_TOPOLOGY.sqlPlugin,
    databaseName: database,
    connectAddr: `${db.host}:${db.port}`,
    connectProtocol: 'tcp',
    user: db.user,
    password: db.password,
    ...pool,
  },
});

const rpc = (node: TemporalNode) => ({
  grpcPort: node.grpcPort,
  membershipPort: node.membershipPort,
  bindOnLocalHost: true,
  ...(node.httpPort ? { httpPort: node.httpPort } : {}),
});

/**
 * The static configuration of one server process (Temporal's `config/<env>.yaml`). The membership monitor
 * tracks every service named under `services`, so each node lists all of them: its own with its own ports,
 * the others with the ports of their first node, which this process never binds (a member's gRPC port comes
 * from its ring label). Members find each other through the `cluster_membership` table: no seeds are listed.
 * JSON is YAML: the caller writes `JSON.stringify` of this.
 */
export function temporalNodeConfig(
  node: TemporalNode,
  nodes: TemporalNode[],
  db: TemporalDatabases,
  sizing: Sizing,
  dynamicConfigFile: string,
  /** A frontend's host:port, the cluster's own address in its metadata. */
  frontendAddress: string,
): Record<string, unknown> {
  const pools = TEMPORAL_TOPOLOGY.pools[sizing];
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: TEMPORAL_TOPOLOGY.numHistoryShards[sizing],
      datastores: {
        default: store(db.persistence, db, pools.persistence),
        visibility: store(db.visibility, db, pools.visibility),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
    },
    services: Object.fromEntries(
      [...new Set(nodes.map((other) => other.service))].map((service) => {
        const own = service === node.service ? node : nodes.find((other) => other.service === service)!;
        return [service, { rpc: rpc(own) }];
      }),
    ),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: frontendAddress },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * Dynamic configuration shared by every node. A search attribute is usable as soon as it is registered
 * (as on the dev server); without it each node's cache refreshes within a minute.
 */
export const TEMPORAL_DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
`;
