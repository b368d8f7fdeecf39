import Sqlite from 'better-sqlite3';
import { Client as PgClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { call } from '../support/http';
import { startReplicas, type Replicas } from '../support/replicas';
import { uniqueTaskQueue } from '../support/temporal';
import { openConsultation, prepareDatabase, query } from './support/consultation';
import { currentTestName, reconcile } from './support/ledger';
import { newTag, pollUntil, submitOpinion } from './support/steps';

/**
 * Issue 6: the database unavailable or locked. An opinion then answers 503 DATABASE_UNAVAILABLE, gets no
 * receipt and leaves no row; once the database is back, the same request (same Idempotency-Key) is
 * stored once, with no manual repair. One gateway and one worker on the shared dev server.
 */
async function withSystem(
  kind: 'sqlite' | 'postgres',
  run: (db: TestDatabase, replicas: Replicas, baseUrl: string) => Promise<void>,
): Promise<void> {
  const db = await createTestDatabase(kind);
  let replicas: Replicas | undefined;
  try {
    await prepareDatabase(db.config);
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`db-down-${kind}`),
      gateways: 1,
      workers: 1,
    });
    await run(db, replicas, replicas.baseUrls[0]!);
  } finally {
    await replicas?.stop();
    await db.drop();
  }
}

const postOpinion = (baseUrl: string, id: string, key: string) =>
  call(baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
    json: { text: `数据库故障期间的意见 ${key}` },
    headers: { 'idempotency-key': key },
  });

describe('the gateway while its database is locked or unavailable', () => {
  it('answers 503 DATABASE_UNAVAILABLE without a receipt or a row while another connection holds SQLite’s write lock past the busy timeout, and stores the retry once', async () => {
    await withSystem('sqlite', async (db, _replicas, baseUrl) => {
      const { id } = await openConsultation(baseUrl);
      const key = newTag('locked');
      const locker = new Sqlite(db.config.kind === 'sqlite' ? db.config.file : '', { timeout: 0 });
      let refused;
      try {
        locker.exec('BEGIN EXCLUSIVE');
        refused = await postOpinion(baseUrl, id, key); // waits the gateway's 10 s busy timeout
      } finally {
        locker.exec('ROLLBACK');
        locker.close();
      }
      expect({ status: refused.status, code: refused.body.code, receipt: refused.body.receipt }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        receipt: undefined,
      });
      expect(await query(db.config, `SELECT receipt FROM opinions WHERE idempotency_key = '${key}'`)).toEqual([]);
      const receipt = await submitOpinion(baseUrl, id, key, `数据库故障期间的意见 ${key}`, 15_000);
      const rows = await query<{ receipt: string }>(
        db.config,
        `SELECT receipt FROM opinions WHERE decision_id = '${id}'`,
      );
      const entry = reconcile(
        currentTestName(),
        'SQLite locked ⇒ 503, no receipt, no row; the retry under the same key is stored once',
        receipt ? [receipt] : [],
        rows.map((r) => r.receipt),
        '1 opinion refused with 503 DATABASE_UNAVAILABLE while locked',
      );
      expect({ receipt: typeof receipt, lost: entry.lost, duplicated: entry.duplicated }).toEqual({
        receipt: 'string',
        lost: 0,
        duplicated: 0,
      });
    });
  }, 60_000);

  (process.env['TEST_DATABASE_URL'] ? it : it.skip)(
    'answers 503 DATABASE_UNAVAILABLE and reports the database down while PostgreSQL refuses connections to it, and recovers on its own',
    async () => {
      await withSystem('postgres', async (db, _replicas, baseUrl) => {
        const { id, tokens } = await openConsultation(baseUrl);
        const name = new URL(db.url).pathname.slice(1);
        const admin = new PgClient({ connectionString: process.env['TEST_DATABASE_URL'] });
        await admin.connect();
        const keys = [newTag('down'), newTag('down'), newTag('down')];
        let refused: Array<{ status: number; code: unknown; receipt: unknown }>;
        let ready;
        try {
          await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
          await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
          refused = await Promise.all(
            keys.map(async (key) =>
              postOpinion(baseUrl, id, key).then((r) => ({
                status: r.status,
                code: r.body.code,
                receipt: r.body.receipt,
              })),
            ),
          );
          ready = await call(baseUrl, 'GET', '/health/ready');
        } finally {
          await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
          await admin.end();
        }
        expect(refused).toEqual(keys.map(() => ({ status: 503, code: 'DATABASE_UNAVAILABLE', receipt: undefined })));
        expect([ready.status, ready.body.database]).toEqual([503, 'down']);
        expect(
          (
            await pollUntil(
              () => call(baseUrl, 'GET', '/health/ready'),
              (r) => r.status === 200,
              15_000,
            )
          ).status,
        ).toBe(200);
        expect(await query(db.config, `SELECT receipt FROM opinions WHERE decision_id = '${id}'`)).toEqual([]); // nothing from the outage
        const receipts = await Promise.all(
          keys.map((key) => submitOpinion(baseUrl, id, key, `数据库故障期间的意见 ${key}`, 15_000)),
        );
        // The worker's pool recovered too: a staff action whose step the worker appends.
        const staffAction = (
          await call(baseUrl, 'POST', `/api/v1/decisions/${id}/withhold-opinion`, {
            token: tokens.drafter,
            json: { receipt: receipts[0], reason: 'spam' },
          })
        ).status;
        const rows = await query<{ receipt: string }>(
          db.config,
          `SELECT receipt FROM opinions WHERE decision_id = '${id}'`,
        );
        const entry = reconcile(
          currentTestName(),
          'PostgreSQL refusing connections ⇒ 503, no receipt, no row, readiness 503; after it is back the retries are stored once',
          receipts.filter((r): r is string => r !== undefined),
          rows.map((r) => r.receipt),
          `${keys.length} opinions refused with 503 DATABASE_UNAVAILABLE; staff action after recovery answered ${staffAction}`,
        );
        expect({ stored: receipts.every(Boolean), lost: entry.lost, duplicated: entry.duplicated }).toEqual({
          stored: true,
          lost: 0,
          duplicated: 0,
        });
        expect(staffAction).toBe(200);
      });
    },
    60_000,
  );
});
