import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, requiredEnv, TEST_ENV } from './env';
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
  const child = spawn(process.execPath, [appMain(name)], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Gateway and worker processes on the shared dev server, their own task queue and database. */
export async function startSystem(options: { databaseUrl: string; taskQueue: string; gatewayEnv?: Record<string, string> }): Promise<TestSystem> {
  const port = await freePort();
  const common = {
    TEMPORAL_ADDRESS: requiredEnv(TEST_ENV.temporalAddress),
    TASK_QUEUE: options.taskQueue,
    DATABASE_URL: options.databaseUrl,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
  };
  const startWorker = (): AppProcess => startApp('worker', { ...common, WORKFLOW_BUNDLE: requiredEnv(TEST_ENV.workflowBundle) });
  const startGateway = (): AppProcess =>
    // Tests play many clients from one address: per-client fairness (ADR 32, 35) is lifted unless a test sets it.
    startApp('gateway', { ...common, PORT: String(port), HOST: '127.0.0.1', AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123', CLIENT_MAX_IN_FLIGHT: '1000', CLIENT_MAX_LOOP_SHARE: '1', ...options.gatewayEnv });
  const system: TestSystem = {
    baseUrl: `http://127.0.0.1:${port}`,
    worker: startWorker(),
    gateway: startGateway(),
    startWorker,
    async restartGateway() {
      system.gateway = startGateway();
      await waitForReady(system);
    },
    async stop() {
      await Promise.all([system.gateway.kill(), system.worker.kill()]);
    },
  };
  await waitForReady(system);
  return system;
}

async function waitForReady(system: TestSystem): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (system.gateway.child.exitCode !== null) throw new Error(`gateway exited:\n${system.gateway.output()}`);
    try {
      if ((await fetch(`${system.baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gateway not ready:\n${system.gateway.output()}`);
}
