import { Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { startApp, type AppProcess } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { repoRoot, requiredEnv, TEST_ENV } from '../support/env';
import { call, type Reply } from '../support/http';
import { freePort } from '../support/ports';
import { waitForReady } from '../support/replicas';
import { openConsultation, prepareDatabase, query } from './support/consultation';
import { currentTestName, reconcile } from './support/ledger';
import { draftTagsFound, staffTokens } from './support/steps';
import { aRegistration } from '../support/decisions';
import { eventually, quietFor } from '../support/eventually';

/**
 * Temporal down (issue 6): the database comes first, so opinions are still received; staff actions
 * need the workflow and answer 503 without changing anything; all resumes when Temporal is back. This
 * suite runs its own dev server on a SQLite file so that it can kill and restart it.
 */
/** The gateway's bound on a staff request (STAFF_REQUEST_TIMEOUT_MS), shortened to keep the suite quick. */
const BOUND_MS = 3_000;

describe('the apps while the Temporal server is down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'od-faults-temporal-'));
  let cli: string;
  let temporalPort: number;
  let temporal: DevServer | undefined;
  let db: TestDatabase;
  let gateway: AppProcess | undefined;
  let worker: AppProcess | undefined;
  let baseUrl: string;

  const startTemporal = (): Promise<DevServer> =>
    startDevServer({ cli, port: temporalPort, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });

  beforeAll(async () => {
    cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(repoRoot());
    temporalPort = await freePort();
    temporal = await startTemporal();
    const connection = await Connection.connect({ address: temporal.address });
    await ensureSearchAttributes(connection, 'default');
    await connection.close();
    db = await createTestDatabase('sqlite');
    await prepareDatabase(db.config);
    const httpPort = await freePort();
    const common = {
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: 'faults-temporal-down',
      DATABASE_URL: db.url,
      DB_MIGRATE: 'false',
      LOG_LEVEL: 'error',
    };
    worker = startApp('worker', { ...common, WORKFLOW_BUNDLE: requiredEnv(TEST_ENV.workflowBundle) });
    gateway = startApp('gateway', {
      ...common,
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      AUTH_SECRET: 'faults-secret-faults-secret-0123456789',
      OPINION_BURST: '1000',
      CLIENT_MAX_IN_FLIGHT: '1000',
      CLIENT_MAX_LOOP_SHARE: '1',
      STAFF_REQUEST_TIMEOUT_MS: String(BOUND_MS),
    });
    baseUrl = `http://127.0.0.1:${httpPort}`;
    await waitForReady(baseUrl, gateway);
  });

  afterAll(async () => {
    await gateway?.kill();
    await worker?.kill();
    await temporal?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps receiving opinions, answers staff actions 503 changing nothing, and resumes when Temporal is back', async () => {
    const { id, tokens } = await openConsultation(baseUrl);
    const timeline = async (): Promise<string[]> =>
      (
        (await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries as Array<{ type: string }>
      ).map((e) => e.type);
    const withhold = (receipt: string): Promise<Reply> =>
      call(baseUrl, 'POST', `/api/v1/decisions/${id}/withhold-opinion`, {
        token: tokens.drafter,
        json: { receipt, reason: 'spam' },
      });
    const withholdings = async (): Promise<unknown[]> =>
      query(db.config, `SELECT seq FROM internal_events WHERE decision_id = '${id}' AND type = 'OpinionWithheld'`);
    const entriesBefore = await timeline();

    temporal!.process.kill('SIGKILL');
    await temporal!.stop();
    temporal = undefined;
    // Readiness is the database's: a gateway stays in service; Temporal's state is reported apart.
    expect((await call(baseUrl, 'GET', '/health/ready')).status).toBe(200);
    expect(await call(baseUrl, 'GET', '/health/temporal')).toMatchObject({ status: 503, body: { temporal: 'down' } });

    const receipts: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const reply = await call(baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text: `Temporal 停机期间的第${i}条意见` },
        headers: { 'idempotency-key': `down-${i}` },
      });
      expect(reply.status).toBe(201);
      receipts.push(reply.body.receipt as string);
    }
    const askedAt = Date.now();
    const refused = await withhold(receipts[0]!);
    const refusedAfterMs = Date.now() - askedAt;
    expect(refusedAfterMs).toBeLessThan(BOUND_MS); // unreachable is told at once, not after the SDK's ~21 s of gRPC retries
    expect({ status: refused.status, type: refused.contentType, code: refused.body.code }).toEqual({
      status: 503,
      type: expect.stringContaining('application/problem+json'),
      code: 'TEMPORAL_UNAVAILABLE',
    });
    // Public reads come from the database and keep working.
    expect((await call(baseUrl, 'GET', `/api/v1/public/opinions/${receipts[0]}`)).body.status).toBe('published');

    temporal = await startTemporal(); // same SQLite file
    expect(await timeline()).toEqual(entriesBefore); // the refused action left no step
    expect(await withholdings()).toHaveLength(0);
    expect((await call(baseUrl, 'GET', `/api/v1/public/opinions/${receipts[0]}`)).body.status).toBe('published');
    // 503 until the gateway's lazy connection reconnects on its own.
    const accepted = await eventually(
      async () => {
        const reply = await withhold(receipts[0]!);
        return reply.status === 503 ? undefined : reply;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'the withholding accepted after recovery' },
    );
    expect(accepted.status).toBe(200);
    expect((await call(baseUrl, 'GET', `/api/v1/public/opinions/${receipts[0]}`)).body.status).toBe('withheld');
    expect(await timeline()).toEqual(entriesBefore); // withholding is an internal step, not a public one
    await eventually(async () => (await withholdings()).length > 0, {
      timeoutMs: 5_000,
      intervalMs: 250,
      what: 'the withholding stored',
    }).catch(() => undefined);
    let withheld: unknown[] = [];
    // A duplicate would show up right after: the table is watched for half a second (it only grows).
    await quietFor(500, async () => (withheld = await withholdings()), { intervalMs: 100 });

    const rows = await query<{ receipt: string }>(
      db.config,
      `SELECT receipt FROM opinions WHERE decision_id = '${id}'`,
    );
    const entry = reconcile(
      currentTestName(),
      'Temporal down ⇒ opinions acknowledged are stored once; staff action 503 changes nothing; the retry after recovery is applied once',
      [...receipts, 'withhold-opinion'],
      [...rows.map((r) => r.receipt), ...withheld.map(() => 'withhold-opinion')],
      `1 staff action refused with 503 after ${refusedAfterMs} ms while down`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  }, 120_000);

  it('answers every staff request within the bound while Temporal is SIGSTOPped, and applies each retried one once after SIGCONT', async () => {
    const tokens = await staffTokens(baseUrl);
    const keyed = (key: string): Record<string, string> => ({ 'idempotency-key': key });
    const registered = await call(baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens.drafter,
      json: aRegistration(),
      headers: keyed('hung-register-0'),
    });
    const id = registered.body.decisionId as string;
    const drafts = ['hung-a', 'hung-b', 'hung-c'];
    const save = (tag: string): Promise<Response> =>
      fetch(`${baseUrl}/api/v1/decisions/${id}/draft-versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.drafter}`, 'content-type': 'application/json', ...keyed(tag) },
        body: JSON.stringify({ draft: tag, basis: '依据', explanation: '说明' }),
      });

    temporal!.process.kill('SIGSTOP');
    let answers: Array<{ status: number; code: unknown; retryAfter: string | null; ms: number }>;
    let registerDuring: Reply;
    let publicRead: Reply;
    try {
      const started = Date.now();
      answers = await Promise.all(
        drafts.map(async (tag) => {
          const reply = await save(tag);
          return {
            status: reply.status,
            code: ((await reply.json()) as { code?: unknown }).code,
            retryAfter: reply.headers.get('retry-after'),
            ms: Date.now() - started,
          };
        }),
      );
      registerDuring = await call(baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens.drafter,
        json: aRegistration({ title: '停顿期间登记' }),
        headers: keyed('hung-register-1'),
      });
      expect((await call(baseUrl, 'GET', '/health/ready')).status).toBe(200);
      publicRead = await call(baseUrl, 'GET', `/api/v1/public/decisions/${id}`);
    } finally {
      temporal!.process.kill('SIGCONT');
    }
    for (const answer of answers)
      expect(answer).toMatchObject({
        status: 503,
        code: 'OUTCOME_UNKNOWN',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(BOUND_MS + 1_500);
    expect({ status: registerDuring.status, code: registerDuring.body.code }).toEqual({
      status: 503,
      code: 'OUTCOME_UNKNOWN',
    });
    expect(publicRead.status).toBe(200); // public reads do not wait on Temporal

    // After SIGCONT each client retries with its key until it is told the outcome.
    const acknowledged: string[] = [];
    for (const tag of drafts) {
      const reply = await eventually(
        async () => {
          const again = await save(tag);
          return again.status === 200 ? again : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: `the retry of ${tag}` },
      );
      expect(reply.status).toBe(200);
      acknowledged.push(tag);
    }
    const second = await eventually(
      async () => {
        const again = await call(baseUrl, 'POST', '/api/v1/decisions', {
          token: tokens.drafter,
          json: aRegistration({ title: '停顿期间登记' }),
          headers: keyed('hung-register-1'),
        });
        return again.status === 201 ? again : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the retried registration' },
    );
    const found = await draftTagsFound(db.config, [id]);
    const registrations = await query<{ decision_id: string }>(
      db.config,
      `SELECT decision_id FROM internal_events WHERE type = 'DecisionRegistered' AND data LIKE '%停顿期间登记%'`,
    );
    const entry = reconcile(
      currentTestName(),
      'Temporal SIGSTOPped ⇒ every staff request answered 503 OUTCOME_UNKNOWN within the bound; after SIGCONT each retried under its key is applied once',
      [...acknowledged, `register:${second.body.decisionId as string}`],
      [...found, ...registrations.map((row) => `register:${row.decision_id}`)],
      `${answers.length + 1} staff requests answered in at most ${Math.max(...answers.map((a) => a.ms))} ms (bound ${BOUND_MS} ms) while Temporal was stopped`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  }, 120_000);
});
