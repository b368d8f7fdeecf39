import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDecisionWorker } from '../../apps/worker/src/decision-worker';
import { requiredEnv, TEST_ENV } from './env';
import type { NoteSigner } from '../../libs/transparency/src';
import type { MailSettings } from '../../apps/worker/src/mail/outbox-drain';

let runtimeInstalled = false;

/** Each test file uses its own task queue on the shared dev server. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function testClient(): Promise<Client> {
  const connection = await Connection.connect({ address: requiredEnv(TEST_ENV.temporalAddress) });
  return new Client({ connection });
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

function installRuntime(): void {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
}

/**
 * A worker running the shared workflow bundle with `activities` stubbed by the test: for tests whose
 * subject is the workflow itself (its rules, timers and signals), against the real dev server.
 */
export async function startStubWorker(taskQueue: string, activities: object): Promise<RunningWorker> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: requiredEnv(TEST_ENV.temporalAddress) });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    activities,
    workflowBundle: { codePath: requiredEnv(TEST_ENV.workflowBundle) },
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** A real worker with the real activities over `dataSource`, running the shared workflow bundle. */
export async function startWorker(
  dataSource: DataSource,
  taskQueue: string,
  options: { checkpointSigner?: NoteSigner; mail?: MailSettings } = {},
): Promise<RunningWorker> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: requiredEnv(TEST_ENV.temporalAddress) });
  const worker = await createDecisionWorker({
    connection,
    namespace: 'default',
    taskQueue,
    dataSource,
    ...options,
    workflows: { bundlePath: requiredEnv(TEST_ENV.workflowBundle) },
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
