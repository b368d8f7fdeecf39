import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { WORKFLOW_BUNDLER_OPTIONS } from '../../libs/temporal/src';
import { startChild, waitFor, type Child } from './processes';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface AppsOptions {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  authSecret: string;
  gatewayPorts: number[];
  workers: number;
  taskQueue: string;
  dir: string;
  workflowBundle: string;
}

export interface RunningApps {
  gateways: Child[];
  workers: Child[];
  baseUrls: string[];
  stop(): Promise<void>;
}

/** The built gateway or worker (dist/apps/<name>/src/main.js). */
export const appMain = (name: 'gateway' | 'worker'): string => join(REPO_ROOT, 'dist', 'apps', name, 'src', 'main.js');

/** Bundles the decision workflows once for every worker (as the production image does at build time). */
export async function bundleWorkflows(file: string): Promise<string> {
  const noop = (): void => undefined;
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop },
    ...WORKFLOW_BUNDLER_OPTIONS,
  });
  writeFileSync(file, code);
  return file;
}

/**
 * Gateways and workers of the built apps against the cluster's balancer, one task queue, one app database.
 * The first gateway migrates the database; the others start once it is ready. Ends what it started when
 * one of them fails to come up.
 */
export async function startApps(options: AppsOptions): Promise<RunningApps> {
  const common = {
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace,
    TASK_QUEUE: options.taskQueue,
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'warn',
  };
  const gateways: Child[] = [];
  const workers: Child[] = [];
  const apps: RunningApps = {
    gateways,
    workers,
    baseUrls: options.gatewayPorts.map((port) => `http://127.0.0.1:${port}`),
    async stop() {
      await Promise.all(gateways.map((gateway) => gateway.stop('SIGTERM', 10_000)));
      await Promise.all(workers.map((worker) => worker.stop('SIGTERM', 30_000)));
    },
  };
  const startGateway = async (n: number, migrate: boolean): Promise<void> => {
    const gateway = startChild(`gateway-${n + 1}`, process.execPath, [appMain('gateway')], {
      logFile: join(options.dir, `gateway-${n + 1}.log`),
      env: {
        ...common,
        DB_MIGRATE: String(migrate),
        HOST: '127.0.0.1',
        PORT: String(options.gatewayPorts[n]),
        AUTH_SECRET: options.authSecret,
        PGAPPNAME: `od-gateway-${n + 1}`,
      },
    });
    gateways.push(gateway);
    await waitFor(`gateway-${n + 1} ready`, async () => (await fetch(`${apps.baseUrls[n]}/health/ready`)).ok, {
      timeoutMs: 90_000,
      giveUp: () => (gateway.running() ? undefined : new Error(`gateway-${n + 1} exited:\n${gateway.tail()}`)),
    });
  };
  try {
    await startGateway(0, true);
    for (let n = 0; n < options.workers; n += 1)
      workers.push(
        startChild(`worker-${n + 1}`, process.execPath, [appMain('worker')], {
          logFile: join(options.dir, `worker-${n + 1}.log`),
          env: {
            ...common,
            DB_MIGRATE: 'false',
            WORKFLOW_BUNDLE: options.workflowBundle,
            PGAPPNAME: `od-worker-${n + 1}`,
          },
        }),
      );
    await Promise.all(options.gatewayPorts.slice(1).map((_, n) => startGateway(n + 1, false)));
  } catch (error) {
    await apps.stop();
    throw error;
  }
  return apps;
}

/** Creates database `name` on the server of `adminUrl` (dropping a leftover of an earlier run first). */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const pg = new PgClient({ connectionString: adminUrl });
  await pg.connect();
  try {
    await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await pg.query(`CREATE DATABASE "${name}"`);
  } finally {
    await pg.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = new PgClient({ connectionString: adminUrl });
  await pg.connect();
  try {
    await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await pg.end();
  }
}
