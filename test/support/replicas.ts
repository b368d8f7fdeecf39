import { startApp, type AppProcess } from './apps';
import { requiredEnv, TEST_ENV } from './env';
import { freePort } from './ports';
import { eventually } from './eventually';

/**
 * Several gateways and workers of the built apps on one machine, one task queue, one app database
 * (issue 6: "multi-replica on one machine, for real"). Each replica is a real process that a test may
 * SIGKILL and start again. Workers are named `od-worker-<n>` through PGAPPNAME, so a test can see in
 * `pg_stat_activity` which worker holds or waits for what.
 */
export interface Replicas {
  /** One base URL per gateway, stable across restarts (`http://127.0.0.1:<port>`). */
  baseUrls: string[];
  gateways: Array<AppProcess | undefined>;
  workers: Array<AppProcess | undefined>;
  /** Starts gateway `n` (again) on its port and waits for /health/ready. */
  startGateway(n: number): Promise<AppProcess>;
  /** Starts worker `n` (again). It polls the task queue once it has connected. */
  startWorker(n: number): AppProcess;
  /** The process id of worker `n`, for `kill -9`. */
  workerPid(n: number): number;
  /** SIGTERM to everything still running (SIGKILL after 10 s); never throws. */
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  databaseUrl: string;
  taskQueue: string;
  gateways?: number;
  workers?: number;
  /** Default: the jest global setup's shared dev server. */
  temporalAddress?: string;
  gatewayEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
}

export const REPLICA_AUTH_SECRET = 'replicas-secret-replicas-secret-0123456789';

/** Starts `gateways` gateways (default 2) and `workers` workers (default 2) and waits until every gateway is ready. */
export async function startReplicas(options: ReplicaOptions): Promise<Replicas> {
  const ports = await Promise.all(Array.from({ length: options.gateways ?? 2 }, () => freePort()));
  const common = {
    TEMPORAL_ADDRESS: options.temporalAddress ?? requiredEnv(TEST_ENV.temporalAddress),
    TASK_QUEUE: options.taskQueue,
    DATABASE_URL: options.databaseUrl,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'error',
  };
  const replicas: Replicas = {
    baseUrls: ports.map((port) => `http://127.0.0.1:${port}`),
    gateways: ports.map(() => undefined),
    workers: Array.from({ length: options.workers ?? 2 }, () => undefined),
    async startGateway(n) {
      const env = {
        ...common,
        PORT: String(ports[n]),
        HOST: '127.0.0.1',
        AUTH_SECRET: REPLICA_AUTH_SECRET,
        PGAPPNAME: `od-gateway-${n}`,
        OPINION_BURST: '100000',
        CLIENT_MAX_IN_FLIGHT: '1000',
        CLIENT_MAX_LOOP_SHARE: '1',
        ...options.gatewayEnv,
      };
      const gateway = startApp('gateway', env);
      replicas.gateways[n] = gateway;
      await waitForReady(replicas.baseUrls[n]!, gateway);
      return gateway;
    },
    startWorker(n) {
      const worker = startApp('worker', {
        ...common,
        WORKFLOW_BUNDLE: requiredEnv(TEST_ENV.workflowBundle),
        PGAPPNAME: `od-worker-${n}`,
        ...options.workerEnv,
      });
      replicas.workers[n] = worker;
      return worker;
    },
    workerPid(n) {
      const pid = replicas.workers[n]?.child.pid;
      if (pid === undefined) throw new Error(`worker ${n} is not running`);
      return pid;
    },
    async stop() {
      const all = [...replicas.gateways, ...replicas.workers].filter((app): app is AppProcess => app !== undefined);
      await Promise.all(all.map((app) => stopWithin(app, 10_000)));
    },
  };
  replicas.workers.forEach((_, n) => replicas.startWorker(n));
  await Promise.all(ports.map((_, n) => replicas.startGateway(n)));
  return replicas;
}

/** Polls `/health/ready` until it answers 200; fails when the gateway exits or 60 s pass. */
export async function waitForReady(baseUrl: string, gateway: AppProcess, timeoutMs = 60_000): Promise<void> {
  await eventually(() => fetch(`${baseUrl}/health/ready`).then((r) => r.ok), {
    timeoutMs,
    intervalMs: 200,
    what: `gateway ${baseUrl} ready`,
    giveUp: () => (gateway.child.exitCode !== null ? new Error(`gateway exited:\n${gateway.output()}`) : undefined),
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${gateway.output()}`);
  });
}

async function stopWithin(app: AppProcess, graceMs: number): Promise<void> {
  const timer = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  await app.kill('SIGTERM');
  clearTimeout(timer);
}
