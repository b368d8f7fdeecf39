import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { currentTestName, reconcile } from './support/ledger';
import { draftTagsFound, newTag } from './support/steps';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';

/**
 * Receipted means stored, exactly once: clients flood opinions and retry each with its own
 * Idempotency-Key until they get a receipt, while the gateway is SIGKILLed and restarted.
 */
describe('opinion intake while the gateway is killed again and again', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let id: string;
  let tokens: Record<'drafter' | 'reviewer' | 'manager', string>;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('intake-crash'),
      gatewayEnv: { OPINION_BURST: '100000' },
    });
    const token = (user: string): Promise<string> => login(system.baseUrl, user, PASSWORD);
    tokens = { drafter: await token('drafter'), reviewer: await token('reviewer'), manager: await token('manager') };
    id = (await call(system.baseUrl, 'POST', '/api/v1/decisions', { token: tokens.drafter, json: aRegistration() }))
      .body.decisionId as string;
    await publishForConsultation(system.baseUrl, tokens, id, {
      opensAt: new Date(Date.now() + 1_000).toISOString(),
      closesAt: new Date(Date.now() + 600_000).toISOString(),
    });
    await eventually(
      async () => (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage === 'consultation',
      { timeoutMs: 10_000, intervalMs: 250, what: 'the consultation opens' },
    );
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('maps every receipt a client got to exactly one stored opinion, and no key to two', async () => {
    const acknowledged = new Map<string, string>();
    let attempts = 0;
    let failures = 0;
    let running = true;
    const client = async (c: number): Promise<void> => {
      for (let n = 0; running || n < 5; n += 1) {
        const key = `client-${c}-opinion-${n}`;
        await eventually(
          async () => {
            attempts += 1;
            try {
              const reply = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
                json: { text: `客户端${c}的第${n}条意见` },
                headers: { 'idempotency-key': key },
              });
              if (reply.status === 201) {
                acknowledged.set(key, reply.body.receipt as string);
                return true;
              }
              failures += 1;
            } catch {
              failures += 1; // connection refused or reset: the gateway is down; retry with the same key
            }
            return false;
          },
          { timeoutMs: 100_000, intervalMs: 50, what: `opinion ${key} acknowledged` },
        );
        if (!running && n >= 5) break;
      }
    };
    const clients = Array.from({ length: 8 }, (_, c) => client(c));
    // Each kill comes after the clients made progress, each restart after they met the dead gateway.
    const progress = (what: string): Promise<unknown> => {
      const from = acknowledged.size;
      return eventually(() => acknowledged.size >= from + 8, { timeoutMs: 30_000, what });
    };
    for (let kill = 0; kill < 3; kill += 1) {
      await progress(`opinions acknowledged before kill ${kill + 1}`);
      const failedBefore = failures;
      await system.gateway.kill('SIGKILL');
      await eventually(() => failures > failedBefore, { timeoutMs: 10_000, what: 'clients meet the dead gateway' });
      await system.restartGateway();
    }
    await progress('opinions acknowledged after the last restart');
    running = false;
    await Promise.all(clients);

    const dataSource = await openDatabase(db.config, { migrate: false });
    try {
      const rows = (await dataSource.query(
        `SELECT receipt, idempotency_key AS key FROM opinions WHERE decision_id = '${id}'`,
      )) as Array<{ receipt: string; key: string }>;
      const byKey = new Map(rows.map((r) => [r.key, r.receipt]));
      const entry = reconcile(
        currentTestName(),
        'acknowledged ⇒ stored exactly once under its key; nothing stored that no client holds a receipt for',
        acknowledged.values(),
        rows.map((r) => r.receipt),
        `${attempts} attempts, ${failures} failed while the gateway was killed 3 times`,
      );
      expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(rows.length).toBe(byKey.size); // no key stored twice
      expect(rows.length).toBe(acknowledged.size); // nothing stored that no client got a receipt for, after retries
      for (const [key, receipt] of acknowledged) expect(byKey.get(key)).toBe(receipt);
      expect(failures).toBeGreaterThan(0); // the kills did interrupt requests
      expect(attempts).toBeGreaterThan(acknowledged.size);
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);

  it('applies every staff action a client retried under its Idempotency-Key exactly once across gateway and worker SIGKILLs', async () => {
    const register = async (key: string): Promise<string> =>
      (
        await call(system.baseUrl, 'POST', '/api/v1/decisions', {
          token: tokens.drafter,
          json: aRegistration(),
          headers: { 'idempotency-key': key },
        })
      ).body.decisionId as string;
    const ids = [await register('staff-flood-decision-0'), await register('staff-flood-decision-1')];
    const acknowledged: string[] = [];
    let attempts = 0;
    let unanswered = 0;
    let unknown = 0;
    let running = true;
    /** One staff request, retried under its key until it gets a 2xx (a 4xx is a test failure). */
    const retried = async (path: string, json: Record<string, unknown>, key: string): Promise<void> => {
      let refusal: Error | undefined;
      await eventually(
        async () => {
          attempts += 1;
          try {
            const reply = await call(system.baseUrl, 'POST', path, {
              token: tokens.drafter,
              json,
              headers: { 'idempotency-key': key },
            });
            if (reply.status < 300) return true;
            if (reply.status < 500)
              refusal = new Error(`${path} under ${key}: ${reply.status} ${JSON.stringify(reply.body)}`);
            else if (reply.body?.code === 'OUTCOME_UNKNOWN') unknown += 1;
          } catch {
            unanswered += 1; // the gateway is down: retry with the same key
          }
          return false;
        },
        { timeoutMs: 60_000, intervalMs: 50, what: `${path} under ${key}: a 2xx`, giveUp: () => refusal },
      );
    };
    const client = async (c: number): Promise<void> => {
      for (let n = 0; running; n += 1) {
        const tag = newTag(`staff-${c}-${n}`);
        if (c % 3 === 2)
          await retried('/api/v1/answer-templates', { title: tag, verdict: 'adopted', text: '已采纳' }, tag);
        else
          await retried(
            `/api/v1/decisions/${ids[c % 2]}/draft-versions`,
            { draft: tag, basis: '依据', explanation: '说明' },
            tag,
          );
        acknowledged.push(tag);
      }
    };
    const clients = Array.from({ length: 6 }, (_, c) => client(c));
    try {
      // Each kill comes after the clients made progress, each restart after they met the dead gateway.
      const progress = (what: string): Promise<unknown> => {
        const from = acknowledged.length;
        return eventually(() => acknowledged.length >= from + 6, { timeoutMs: 60_000, what });
      };
      for (let kill = 0; kill < 3; kill += 1) {
        await progress(`staff actions acknowledged before kill ${kill + 1}`);
        const unansweredBefore = unanswered;
        await system.gateway.kill('SIGKILL');
        if (kill === 1) {
          await system.worker.kill('SIGKILL');
          system.worker = system.startWorker();
        }
        await eventually(() => unanswered > unansweredBefore, {
          timeoutMs: 10_000,
          what: 'clients meet the dead gateway',
        });
        await system.restartGateway();
      }
      await progress('staff actions acknowledged after the last restart');
    } finally {
      running = false;
      await Promise.allSettled(clients);
    }
    await Promise.all(clients);

    const dataSource = await openDatabase(db.config, { migrate: false });
    try {
      const templates = (await dataSource.query(
        `SELECT title FROM answer_templates WHERE title LIKE 'staff-%'`,
      )) as Array<{ title: string }>;
      const found = [...(await draftTagsFound(db.config, ids)), ...templates.map((row) => row.title)];
      const entry = reconcile(
        currentTestName(),
        'a staff action acknowledged after retries under its key ⇒ applied exactly once (workflow actions and database writes)',
        acknowledged,
        found,
        `${attempts} attempts, ${unanswered} unanswered and ${unknown} OUTCOME_UNKNOWN while the gateway was killed 3 times and the worker once`,
      );
      expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(unanswered).toBeGreaterThan(0); // the kills did interrupt requests
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);

  it('answers a retried staff request with the original result and a reused key with another body 422', async () => {
    const headers = { 'idempotency-key': 'one-registration' };
    const first = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens.drafter,
      json: aRegistration(),
      headers,
    });
    const again = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens.drafter,
      json: aRegistration(),
      headers,
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const other = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens.drafter,
      json: aRegistration({ title: '另一个决策' }),
      headers,
    });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    // Another account's same key is its own.
    const theirs = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens.manager,
      json: aRegistration({ title: '另一个决策' }),
      headers,
    });
    expect(theirs.status).not.toBe(422);
    const action = (key: string, json: unknown): Promise<{ status: number; body: any }> =>
      call(system.baseUrl, 'POST', `/api/v1/decisions/${first.body.decisionId}/draft-versions`, {
        token: tokens.drafter,
        json,
        headers: { 'idempotency-key': key },
      });
    const saved = await action('draft-a', { draft: '第一稿', basis: '依据', explanation: '说明' });
    const repeated = await action('draft-a', { draft: '第一稿', basis: '依据', explanation: '说明' });
    expect([saved.status, repeated.status, repeated.body.draft.version]).toEqual([200, 200, 1]);
    expect((await action('draft-a', { draft: '第二稿', basis: '依据', explanation: '说明' })).body.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect((await action('x'.repeat(129), {})).body.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});
