import { Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorkingDates } from '../../libs/domain/src';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { todayInShanghai, weekendDaysSince, workingDaysAgo } from '../support/disclosure';
import { addMakeupDays, deploymentCalendar, registerLetter, staffCase } from '../support/disclosure-http';
import { repoRoot } from '../support/env';
import { eventually, quietFor } from '../support/eventually';
import { login } from '../support/http';
import { freePort } from '../support/ports';
import { startReplicas, type Replicas } from '../support/replicas';
import { uniqueTaskQueue } from '../support/temporal';
import { PASSWORD, prepareDatabase, query } from './support/consultation';
import { currentTestName, reconcile } from './support/ledger';

/**
 * Issue 18, a disclosure reply's due date passing while the worker and the Temporal server are down:
 * three letters signed for 19 working days ago (their 20th working day still ahead); the worker is
 * SIGKILLed; an administrator enters two past weekend days as make-up working days, which puts every
 * due date behind today (the fan-out is acknowledged by Temporal, no worker can act on it); the Temporal
 * server is SIGKILLed too and both come back. Each case records `ReplyOverdue` exactly once. Its own dev
 * server (it is killed), on a database file that survives the kill.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`disclosure reply due dates passing while the worker and Temporal are down (${kind})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'od-disclosure-down-'));
  let cli: string;
  let port: number;
  let temporal: DevServer | undefined;
  let db: TestDatabase;
  let replicas: Replicas;
  const startTemporal = (): Promise<DevServer> =>
    startDevServer({ cli, port, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });

  beforeAll(async () => {
    cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(repoRoot());
    port = await freePort();
    temporal = await startTemporal();
    const connection = await Connection.connect({ address: temporal.address });
    await ensureSearchAttributes(connection, 'default');
    await connection.close();
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('disclosure-down'),
      temporalAddress: temporal.address,
      gateways: 1,
      workers: 1,
    });
  }, 120_000);

  afterAll(async () => {
    await replicas?.stop();
    await temporal?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records ReplyOverdue once per case after the worker and Temporal return', async () => {
    const base = replicas.baseUrls[0]!;
    const drafter = await login(base, 'drafter', PASSWORD);
    const admin = await login(base, 'admin', PASSWORD);
    const calendar = await deploymentCalendar(base);
    const today = todayInShanghai();
    const received = workingDaysAgo(19, calendar);
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) ids.push((await registerLetter(base, drafter, received, `down-${n}`)).requestId);
    for (const id of ids) {
      const view = await staffCase(base, drafter, id);
      const reply = view.deadlines.find((d) => d.kind === 'reply')!;
      expect([reply.lastDay, reply.lastDay > today]).toEqual([addWorkingDates(received, 20, calendar), true]);
    }

    await replicas.workers[0]!.kill('SIGKILL');
    const makeup = weekendDaysSince(received, 2, calendar);
    expect(makeup).toHaveLength(2);
    const saved = await addMakeupDays(base, admin, calendar, makeup, 'down-makeup');
    expect(saved.map((reply) => reply.status)).toEqual(saved.map(() => 200));
    const overdueWhileDown = await overdueEntries(ids);
    temporal!.process.kill('SIGKILL');
    await temporal!.stop();
    temporal = await startTemporal();
    replicas.startWorker(0);

    await eventually(async () => (await overdueEntries(ids)).length >= ids.length, {
      what: 'every case overdue',
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    // A second overdue step would follow the first: the log is watched for 3 s (it only grows).
    await quietFor(3_000, async () => expect((await overdueEntries(ids)).length).toBe(ids.length), {
      intervalMs: 250,
    });
    const found = await overdueEntries(ids);
    const entry = reconcile(
      currentTestName(),
      'worker and Temporal killed across a disclosure due date ⇒ one ReplyOverdue per case after they return',
      ids,
      found,
      `${overdueWhileDown.length} overdue steps while the worker was down; make-up days ${makeup.join(', ')}`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(overdueWhileDown).toEqual([]);
    for (const id of ids) {
      const view = await staffCase(base, drafter, id);
      expect(view.overdue).toBe(true);
      expect(view.deadlines.filter((d) => d.kind === 'reply')).toEqual([]);
    }
  }, 240_000);

  /** One request id per `ReplyOverdue` row of the case log, read from the database as an auditor would. */
  async function overdueEntries(ids: readonly string[]): Promise<string[]> {
    const rows = await query<{ request_id: string }>(
      db.config,
      `SELECT request_id FROM disclosure_case_log WHERE type = 'ReplyOverdue' AND request_id IN (${ids.map((id) => `'${id}'`).join(', ')})`,
    );
    return rows.map((row) => row.request_id);
  }
});
