import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { verifyChain } from '../../libs/domain/src';
import { findPublicTimeline, openDatabase, sha256Hex } from '../../libs/persistence/src';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { startApp, type AppProcess } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { newId } from '../support/decisions';
import { requiredEnv, repoRoot, TEST_ENV } from '../support/env';
import { toConsultation } from '../support/lifecycle-driver';
import { freePort } from '../support/ports';
import { eventually, quietFor, untilTime } from '../support/eventually';

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

  const startTemporal = async (): Promise<DevServer> =>
    startDevServer({ cli, port, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });
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
    await eventually(
      async () => ((await findPublicTimeline(dataSource, id)) ?? []).some((e) => e.type === 'ConsultationClosed'),
      { timeoutMs, intervalMs: 250, what: `consultation of ${id} closes` },
    );
    // A duplicate would show up right after: watched for a second.
    await quietFor(
      1_000,
      async () => {
        const settled = (await findPublicTimeline(dataSource, id)) ?? [];
        expect(settled.filter((e) => e.type === 'ConsultationClosed')).toHaveLength(1);
        expect(settled.filter((e) => e.type === 'ConsultationOpened')).toHaveLength(1);
        expect(verifyChain(id, settled, sha256Hex).ok).toBe(true);
      },
      { intervalMs: 250 },
    );
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
    const { consultation } = await driver.waitForStage('consultation');
    await worker!.kill('SIGKILL');
    await untilTime(Date.parse(consultation!.closesAt) + 1_000); // the close time passes while no worker runs
    expect((await findPublicTimeline(dataSource, id))?.some((e) => e.type === 'ConsultationClosed')).toBe(false);
    worker = startWorker();
    await closedOnce(id);
  });

  it('resumes every open decision after the Temporal server is killed and restarted on the same file', async () => {
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await toConsultation(client, taskQueue, id, 500, 5_000);
    temporal.process.kill('SIGKILL');
    await eventually(() => temporal.process.exitCode !== null || temporal.process.signalCode !== null, {
      intervalMs: 50,
      what: 'the Temporal server exited',
    });
    temporal = await startTemporal();
    for (const id of ids) await closedOnce(id, 60_000);
  });
});
