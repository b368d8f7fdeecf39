import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { databaseConfigFrom, openDatabase } from '../../libs/persistence/src';
import type { serveGateway as ServeGateway } from '../../apps/gateway/src/serve';
import { testGatewayEnv, type SystemOptions } from './apps';
import { repoRoot } from './env';
import { freePort } from './ports';
import type { MailSettings } from '../../apps/worker/src/mail/outbox-drain';
import { ensureNotificationSchedule } from '../../libs/temporal/src';
import { notificationOutboxWorkflowId } from '../../workflows/definitions';
import { startWorker, testClient } from './temporal';

/** The medium tier's system (ADR 36): the built gateway and a worker in the test's own process. */
export interface MediumSystem {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The gateway as it ships (`dist/apps/gateway/src/serve.js`, what `main.js` runs) served in-process on a
 * free port, with the environment an e2e gateway gets, and a real worker in-process on the shared dev
 * server; both over the test's own database. Nothing is replaced: HTTP goes over a real socket, Temporal
 * and the database are real. What it saves is two processes per file; tests whose subject is a process
 * (its exit, its signals, its restart) stay in the e2e tier. With `mail`, the worker sends the outbox's
 * messages through that SMTP server (ADR 94).
 */
export async function startMediumSystem(options: SystemOptions & { mail?: MailSettings }): Promise<MediumSystem> {
  const serve = join(repoRoot(), 'dist', 'apps', 'gateway', 'src', 'serve.js');
  if (!existsSync(serve)) throw new Error(`${serve} is missing: run \`npm run build\` first (npm test does).`);
  // Node's own loader (Module._load), not jest's module registry (which also stands behind createRequire):
  // the built gateway runs as `node` runs it (NestJS 12 is ESM, which Node 20.19+ requires natively and
  // jest's registry cannot), and its modules load once per jest worker instead of once per file.
  const { serveGateway } = (
    Module as unknown as { _load(request: string, parent: null, isMain: boolean): unknown }
  )._load(serve, null, false) as { serveGateway: typeof ServeGateway };
  const port = await freePort();
  const dataSource = await openDatabase(databaseConfigFrom(options.databaseUrl), { migrate: false });
  const stops: Array<() => Promise<void>> = [() => dataSource.destroy()];
  const stop = async (): Promise<void> => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    const worker = await startWorker(dataSource, options.taskQueue, options.mail ? { mail: options.mail } : {});
    stops.push(() => worker.stop());
    if (options.mail) await startMailSender(options.taskQueue, stops);
    const gateway = await serveGateway(testGatewayEnv(options, port));
    stops.push(() => gateway.close());
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop };
}

/** The outbox's sender on the test's task queue (every second), terminated when the system stops. */
async function startMailSender(taskQueue: string, stops: Array<() => Promise<void>>): Promise<void> {
  const client = await testClient();
  stops.push(async () => {
    await client.workflow
      .getHandle(notificationOutboxWorkflowId(taskQueue))
      .terminate('test over')
      .catch(() => undefined);
    await client.connection.close();
  });
  await ensureNotificationSchedule(client.connection, 'default', taskQueue, 1);
}
