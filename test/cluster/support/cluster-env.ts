import { requiredEnv } from '../../support/env';

/** What the cluster tier's global setup hands to its test files. */
export const CLUSTER_ENV = {
  address: 'OD_CLUSTER_ADDRESS',
  namespace: 'OD_CLUSTER_NAMESPACE',
  control: 'OD_CLUSTER_CONTROL',
  databases: 'OD_CLUSTER_DATABASES',
  nodes: 'OD_CLUSTER_NODES',
} as const;

export const clusterAddress = (): string => requiredEnv(CLUSTER_ENV.address);
export const clusterNamespace = (): string => requiredEnv(CLUSTER_ENV.namespace);
/** Temporal's persistence and visibility databases of the cluster. */
export const clusterDatabases = (): string[] => JSON.parse(requiredEnv(CLUSTER_ENV.databases)) as string[];
export const clusterNodes = (): string[] => JSON.parse(requiredEnv(CLUSTER_ENV.nodes)) as string[];

async function control(verb: 'kill' | 'start', node: string): Promise<number | null> {
  const reply = await fetch(`${requiredEnv(CLUSTER_ENV.control)}/${verb}/${node}`, { method: 'POST' });
  const body = (await reply.json()) as { pid?: number | null; error?: string };
  if (!reply.ok) throw new Error(`${verb} ${node}: ${body.error}`);
  return body.pid ?? null;
}

/** SIGKILL to one server node (`history-1`, `frontend-2`, …); resolves once it has exited. */
export const killNode = (node: string): Promise<number | null> => control('kill', node);
/** Starts the node again on its ports; resolves once it is up. Answers its new pid. */
export const startNode = (node: string): Promise<number | null> => control('start', node);
