import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { verifyChain } from '../../libs/domain/src';
import { findPublicTimeline, openDatabase, sha256Hex } from '../../libs/persistence/src';
import { ensureSearchAttributes, provisionTemporalCli, startDevServer, type DevServer } from '../../libs/temporal/src';
import { startApp, type AppProcess } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { newId } from '../support/decisions';
import { requiredEnv, repoRoot, TEST_ENV } from '../support/env';
import { toConsultation } from '../support/lifecycle-driver';
import { freePort } from '../support/ports';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deadlines survive crashes: this suite runs its own dev server on a SQLite file (so it can be
 * killed and restarted) and the worker as a real process (so it can be SIGKILLed).
 */
describe('durable deadlines across worker and Temporal crashes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'od-durable-'));
  const taskQueue = 'durability';
  let cli: string;
  let port: number;
  let temporal: DevServer;
  let connection: Connection;
  let client: Client;
  let db: TestDatabase;
  let dataSource: DataSource;
  let worker: AppProcess | undefined;

  const startTemporal = async (): Promise<DevServer> => startDevServer({ cli, port, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });
  const startWorker = (): AppProcess =>
    startApp('worker', {
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      TASK_QUEUE: taskQueue,
      DATABASE_URL: db.url,
      DB_MIGRATE: 'false',
      WORKFLOW_BUNDLE: requiredEnv(TEST_ENV.workflowBundle),
      LOG_LEVEL: 'warn',
    });

  async function closedOnce(id: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const entries = (await findPublicTimeline(dataSource, id)) ?? [];
      if (entries.some((e) => e.type === 'ConsultationClosed')) {
        await sleep(1_000); // a duplicate would show up right after
        const settled = (await findPublicTimeline(dataSource, id)) ?? [];
        expect(settled.filter((e) => e.type === 'ConsultationClosed')).toHaveLength(1);
        expect(settled.filter((e) => e.type === 'ConsultationOpened')).toHaveLength(1);
        expect(verifyChain(id, settled, sha256Hex).ok).toBe(true);
        return;
      }
      await sleep(250);
    }
    throw new Error(`consultation of ${id} did not close`);
  }

  beforeAll(async () => {
    cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(repoRoot());
    port = await freePort();
    temporal = await startTemporal();
    connection = await Connection.connect({ address: temporal.address });
    await ensureSearchAttributes(connection, 'default');
    client = new Client({ connection });
    db = await createTestDatabase('sqlite');
    dataSource = await openDatabase(db.config, { migrate: true });
    worker = startWorker();
  });

  afterAll(async () => {
    await worker?.kill();
    await connection?.close();
    await temporal?.stop();
    await dataSource?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a consultation exactly once when the worker was killed before its close time and restarted after it', async () => {
    const id = newId();
    const driver = await toConsultation(client, taskQueue, id, 500, 2_500);
    await driver.waitForStage('consultation');
    await worker!.kill('SIGKILL');
    await sleep(4_000); // the close time passes while no worker runs
    expect((await findPublicTimeline(dataSource, id))?.some((e) => e.type === 'ConsultationClosed')).toBe(false);
    worker = startWorker();
    await closedOnce(id);
  });

  it('resumes every open decision after the Temporal server is killed and restarted on the same file', async () => {
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await toConsultation(client, taskQueue, id, 500, 5_000);
    temporal.process.kill('SIGKILL');
    await sleep(1_500);
    temporal = await startTemporal();
    for (const id of ids) await closedOnce(id, 60_000);
  });
});
