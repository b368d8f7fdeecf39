import { createHash } from 'node:crypto';
import { verifyChain, type PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { eventually, untilTime } from '../support/eventually';
import { call, login, type Reply } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';

async function countDecisions(db: TestDatabase): Promise<number> {
  const dataSource = await openDatabase(db.config, { migrate: false });
  try {
    const [row] = (await dataSource.query('SELECT count(*) AS n FROM decisions')) as [{ n: string | number }];
    return Number(row.n);
  } finally {
    await dataSource.destroy();
  }
}
const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

describe.each(databaseKinds())('the first slice over HTTP, gateway and worker as processes, on %s', (kind) => {
  let db: TestDatabase;
  let system: TestSystem;
  let drafter: string;
  let api: (method: string, path: string, options?: Parameters<typeof call>[3]) => Promise<Reply>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue(`e2e-${kind}`) });
    api = (method, path, options) => call(system.baseUrl, method, path, options);
    drafter = await login(system.baseUrl, 'drafter', PASSWORD);
  }, 120_000); // the processes get 60 s to be ready (startSystem)

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('registers a decision and serves it and its verifiable timeline publicly', async () => {
    const created = await api('POST', '/api/v1/decisions', { token: drafter, json: aRegistration() });
    expect(created.status).toBe(201);
    const id = created.body.decisionId as string;
    const decision = await api('GET', `/api/v1/public/decisions/${id}`);
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ id, title: aRegistration().title, stage: 'drafting', unit: 'unit-a' });
    expect(decision.body).not.toHaveProperty('confidential');
    const timeline = await api('GET', `/api/v1/public/decisions/${id}/timeline`);
    expect(timeline.status).toBe(200);
    const entries = timeline.body.entries as PublicLogEntry[];
    expect(entries.map((e) => e.type)).toEqual(['DecisionRegistered']);
    expect(Object.keys(entries[0]!).sort()).toEqual([
      'actor',
      'data',
      'decisionId',
      'hash',
      'occurredAt',
      'prevHash',
      'seq',
      'type',
    ]);
    expect(entries[0]?.actor).toEqual({ unit: 'unit-a', role: 'drafter' });
    expect(verifyChain(id, entries, sha256Hex)).toEqual({ ok: true, head: timeline.body.head });
  });

  it('shows nothing of a confidential decision on either public endpoint', async () => {
    const title = '涉密事项-不得公开的标题';
    const created = await api('POST', '/api/v1/decisions', {
      token: drafter,
      json: aRegistration({ title, confidential: true, confidentialGround: '依法确定为国家秘密' }),
    });
    expect(created.status).toBe(201);
    const id = created.body.decisionId as string;
    for (const path of [`/api/v1/public/decisions/${id}`, `/api/v1/public/decisions/${id}/timeline`]) {
      const reply = await api('GET', path);
      expect(reply.status).toBe(404);
      expect(reply.body.code).toBe('DECISION_NOT_FOUND');
      expect(JSON.stringify(reply.body)).not.toContain(title);
    }
  });

  it('answers bad requests with problem+json and a stable code, and registers nothing', async () => {
    const decisionsBefore = await countDecisions(db);
    const cases: Array<[string, Parameters<typeof call>[3], number, string]> = [
      ['no token', { json: aRegistration() }, 401, 'UNAUTHORIZED'],
      ['a forged token', { token: `${drafter}x`, json: aRegistration() }, 401, 'TOKEN_INVALID'],
      ['a missing title', { token: drafter, json: { ...aRegistration(), title: undefined } }, 422, 'VALIDATION_FAILED'],
      [
        'an unknown field',
        { token: drafter, json: { ...aRegistration(), stage: 'execution' } },
        422,
        'VALIDATION_FAILED',
      ],
      ['a wrong type', { token: drafter, json: { ...aRegistration(), confidential: 'yes' } }, 422, 'VALIDATION_FAILED'],
      [
        'confidential without ground',
        { token: drafter, json: aRegistration({ confidential: true }) },
        422,
        'VALIDATION_FAILED',
      ],
      ['another unit', { token: drafter, json: aRegistration({ unit: 'unit-b' }) }, 403, 'OTHER_UNIT'],
      ['malformed JSON', { token: drafter, rawBody: '{"title":' }, 400, 'MALFORMED_JSON'],
      [
        'an oversize body',
        { token: drafter, json: aRegistration({ summary: '意'.repeat(300_000) }) },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [name, options, status, code] of cases) {
      const reply = await api('POST', '/api/v1/decisions', options);
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({ name, status, code });
      expect(reply.contentType).toContain('application/problem+json');
      expect(reply.body).toMatchObject({
        type: `/problems/${code}`,
        status,
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
    const reviewer = await login(system.baseUrl, 'reviewer', PASSWORD);
    const byReviewer = await api('POST', '/api/v1/decisions', { token: reviewer, json: aRegistration() });
    expect([byReviewer.status, byReviewer.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const wrong = await api('POST', '/api/v1/auth/login', { json: { username: 'drafter', password: 'nope' } });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect((await api('GET', '/api/v1/public/decisions/unknown')).body.code).toBe('DECISION_NOT_FOUND');
    expect(await countDecisions(db)).toBe(decisionsBefore);
  });

  it('serves health checks and the OpenAPI document', async () => {
    expect((await api('GET', '/health/live')).status).toBe(200);
    expect((await api('GET', '/health/ready')).body).toEqual({ status: 'ok', database: 'ok' });
    expect((await api('GET', '/health/temporal')).body).toEqual({ status: 'ok', temporal: 'ok' });
    const openapi = await api('GET', '/api/docs-json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/decisions',
        '/api/v1/public/decisions/{id}',
        '/api/v1/public/decisions/{id}/timeline',
      ]),
    );
    // Every mutating staff operation documents the key and "retry with the same key" (issue 12).
    const register = openapi.body.paths['/api/v1/decisions'].post;
    expect(register.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(register.responses['503'].description).toMatch(/OUTCOME_UNKNOWN.*retry with the same Idempotency-Key/);
    // An opinion has no staff bound: its 503 is the database's or the limit store's, never OUTCOME_UNKNOWN.
    expect(openapi.body.paths['/api/v1/public/decisions/{id}/opinions'].post.responses['503'].description).not.toMatch(
      /OUTCOME_UNKNOWN|STAFF_REQUEST_TIMEOUT_MS/,
    );
  });

  it('loses nothing when the worker is killed with SIGKILL: the next worker finishes the pending registration', async () => {
    const before = await api('POST', '/api/v1/decisions', {
      token: drafter,
      json: aRegistration({ title: 'before the crash' }),
    });
    await system.worker.kill('SIGKILL');
    const register = (): ReturnType<typeof api> =>
      api('POST', '/api/v1/decisions', {
        token: drafter,
        json: aRegistration({ title: 'while no worker runs' }),
        headers: { 'idempotency-key': 'no-worker' },
      });
    const pending = register();
    await untilTime(Date.now() + 1_000); // the registration waits a second with no worker running
    system.worker = system.startWorker();
    // Answered within the bound: 201, or 503 OUTCOME_UNKNOWN if the new worker is slow to start; the
    // retry under the same key then gets the one registration.
    const first = await pending;
    expect([201, 503]).toContain(first.status);
    const during =
      first.status === 201
        ? first
        : await eventually(
            async () => {
              const again = await register();
              return again.status === 201 ? again : undefined;
            },
            { what: 'the retried registration' },
          );
    expect(during.status).toBe(201);
    for (const id of [before.body.decisionId as string, during.body.decisionId as string]) {
      const timeline = await api('GET', `/api/v1/public/decisions/${id}/timeline`);
      expect(timeline.body.entries.map((e: PublicLogEntry) => e.seq)).toEqual([1]);
      expect(verifyChain(id, timeline.body.entries as PublicLogEntry[], sha256Hex).ok).toBe(true);
    }
  });
});
