import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, requiredEnv, TEST_ENV } from './env';
import { eventually } from './eventually';
import { freePort } from './ports';

/** One of the built apps (dist/apps/<name>) running as a real process. */
export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function appMain(name: 'gateway' | 'worker' | 'embedded'): string {
  const main = join(repoRoot(), 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
  return main;
}

export function startApp(name: 'gateway' | 'worker', env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [appMain(name)], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface TestSystem {
  baseUrl: string;
  gateway: AppProcess;
  worker: AppProcess;
  startWorker(): AppProcess;
  /** Starts a new gateway on the same port (after the old one was killed) and waits until it is ready. */
  restartGateway(): Promise<void>;
  stop(): Promise<void>;
}

/** Start-up failed: what was started has been stopped; `started` and `port` let a test check that. */
export class SystemStartError extends Error {
  constructor(
    message: string,
    readonly started: AppProcess[],
    readonly port: number,
  ) {
    super(message);
  }
}

export interface SystemOptions {
  databaseUrl: string;
  taskQueue: string;
  gatewayEnv?: Record<string, string>;
  /** How long the gateway may take to answer /health/ready (default 60 s: a loaded 2-core machine needs it). */
  readyTimeoutMs?: number;
}

const commonEnv = (options: SystemOptions): Record<string, string> => ({
  TEMPORAL_ADDRESS: requiredEnv(TEST_ENV.temporalAddress),
  TASK_QUEUE: options.taskQueue,
  DATABASE_URL: options.databaseUrl,
  DB_MIGRATE: 'false',
  LOG_LEVEL: 'warn',
});

/** The environment of a test gateway on `port`; the medium tier's in-process gateway gets the same. */
export const testGatewayEnv = (options: SystemOptions, port: number): Record<string, string> =>
  // Tests play many clients from one address: per-client fairness (ADR 32, 35) is lifted unless a test sets it.
  ({
    ...commonEnv(options),
    PORT: String(port),
    HOST: '127.0.0.1',
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123',
    CLIENT_MAX_IN_FLIGHT: '1000',
    CLIENT_MAX_LOOP_SHARE: '1',
    ...options.gatewayEnv,
  });

/**
 * Gateway and worker processes on the shared dev server, their own task queue and database. When start-up
 * fails (the gateway exits or is not ready in time), both processes are stopped before the error is thrown.
 */
export async function startSystem(options: SystemOptions): Promise<TestSystem> {
  const port = await freePort();
  const startWorker = (): AppProcess =>
    startApp('worker', { ...commonEnv(options), WORKFLOW_BUNDLE: requiredEnv(TEST_ENV.workflowBundle) });
  const startGateway = (): AppProcess => startApp('gateway', testGatewayEnv(options, port));
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const system: TestSystem = {
    baseUrl: `http://127.0.0.1:${port}`,
    worker: startWorker(),
    gateway: startGateway(),
    startWorker,
    async restartGateway() {
      system.gateway = startGateway();
      try {
        await waitForReady(system, readyTimeoutMs);
      } catch (error) {
        await system.gateway.kill('SIGKILL');
        throw error;
      }
    },
    async stop() {
      await Promise.all([system.gateway.kill(), system.worker.kill()]);
    },
  };
  try {
    await waitForReady(system, readyTimeoutMs);
  } catch (error) {
    const started = [system.gateway, system.worker];
    await Promise.all(started.map((app) => app.kill('SIGKILL')));
    throw new SystemStartError(
      `system did not start, stopped what it started: ${(error as Error).message}`,
      started,
      port,
    );
  }
  return system;
}

async function waitForReady(system: TestSystem, timeoutMs: number): Promise<void> {
  const { gateway } = system;
  await eventually(() => fetch(`${system.baseUrl}/health/ready`).then((reply) => reply.ok), {
    timeoutMs,
    intervalMs: 200,
    what: `gateway ready at ${system.baseUrl}`,
    giveUp: () =>
      gateway.child.exitCode !== null || gateway.child.signalCode !== null
        ? new Error(`gateway exited (${gateway.child.exitCode ?? gateway.child.signalCode})`)
        : undefined,
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; its output:\n${gateway.output()}`);
  });
}
