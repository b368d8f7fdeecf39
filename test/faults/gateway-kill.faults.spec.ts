import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { currentTestName, reconcile } from './support/ledger';

const PASSWORD = 'e2e-password';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Receipted means stored, exactly once: clients flood opinions and retry each with its own
 * Idempotency-Key until they get a receipt, while the gateway is SIGKILLed and restarted.
 */
describe('opinion intake while the gateway is killed again and again', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let id: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('intake-crash'), gatewayEnv: { OPINION_BURST: '100000' } });
    const token = (user: string): Promise<string> => login(system.baseUrl, user, PASSWORD);
    const tokens = { drafter: await token('drafter'), reviewer: await token('reviewer'), manager: await token('manager') };
    id = (await call(system.baseUrl, 'POST', '/api/v1/decisions', { token: tokens.drafter, json: aRegistration() })).body.decisionId as string;
    await publishForConsultation(system.baseUrl, tokens, id, { opensAt: new Date(Date.now() + 1_000).toISOString(), closesAt: new Date(Date.now() + 600_000).toISOString() });
    for (let i = 0; i < 40 && (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage !== 'consultation'; i += 1) await sleep(250);
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
        for (;;) {
          attempts += 1;
          try {
            const reply = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, { json: { text: `客户端${c}的第${n}条意见` }, headers: { 'idempotency-key': key } });
            if (reply.status === 201) {
              acknowledged.set(key, reply.body.receipt as string);
              break;
            }
            failures += 1;
          } catch {
            failures += 1; // connection refused or reset: the gateway is down; retry with the same key
          }
          await sleep(50);
        }
        if (!running && n >= 5) break;
      }
    };
    const clients = Array.from({ length: 8 }, (_, c) => client(c));
    for (let kill = 0; kill < 3; kill += 1) {
      await sleep(1_500);
      await system.gateway.kill('SIGKILL');
      await sleep(300);
      await system.restartGateway();
    }
    await sleep(1_000);
    running = false;
    await Promise.all(clients);

    const dataSource = await openDatabase(db.config, { migrate: false });
    try {
      const rows = (await dataSource.query(`SELECT receipt, idempotency_key AS key FROM opinions WHERE decision_id = '${id}'`)) as Array<{ receipt: string; key: string }>;
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
});
