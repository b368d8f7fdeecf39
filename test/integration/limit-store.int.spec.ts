import { randomBytes } from 'node:crypto';
import { DatabaseLimitStore } from '../../apps/gateway/src/common/limits/database-limit-store';
import type { LimitStore } from '../../apps/gateway/src/common/limits/limit-store';
import { LimitStoreUnavailableError, RedisLimitStore } from '../../apps/gateway/src/common/limits/redis-limit-store';
import { freePort } from '../support/ports';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const RULE = { limit: 10, windowMs: 60_000 };
const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);

/** The same checks for every store the gateways can share: the app database (both dialects) and Redis. */
function checksOf(storeOf: () => LimitStore): void {
  const key = (): string => `test:${randomBytes(6).toString('hex')}`;

  it('admits the whole budget at once, then one more per window ÷ limit, with the wait in ms', async () => {
    const store = storeOf();
    const k = key();
    for (let i = 0; i < 10; i++) expect(await store.take(k, RULE, NOW)).toBeUndefined();
    expect(await store.take(k, RULE, NOW)).toBe(6_000);
    expect(await store.take(k, RULE, NOW + 5_999)).toBe(1);
    expect(await store.take(k, RULE, NOW + 6_000)).toBeUndefined();
    expect(await store.take(k, RULE, NOW + 6_000)).toBe(6_000);
  });

  it('never admits more than the budget to parallel takers (gateways racing on one key)', async () => {
    const store = storeOf();
    const k = key();
    const answers = await Promise.all(Array.from({ length: 40 }, () => store.take(k, RULE, NOW)));
    expect(answers.filter((wait) => wait === undefined)).toHaveLength(10);
  });

  it('gives back a unit and forgets a key on reset', async () => {
    const store = storeOf();
    const k = key();
    for (let i = 0; i < 10; i++) await store.take(k, RULE, NOW);
    await store.giveBack(k, RULE);
    expect(await store.take(k, RULE, NOW)).toBeUndefined();
    expect(await store.tatOf(k)).toBe(NOW + 60_000);
    await store.reset(k);
    expect(await store.tatOf(k)).toBeUndefined();
    expect(await store.take(k, RULE, NOW)).toBeUndefined();
  });
}

describe.each(databaseKinds())('limit store in the app database on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  checksOf(() => new DatabaseLimitStore(fixture.dataSource));
});

const redisUrl = process.env['TEST_REDIS_URL'];
(redisUrl ? describe : describe.skip)('limit store in Redis (TEST_REDIS_URL)', () => {
  let store: RedisLimitStore;
  beforeAll(() => {
    store = new RedisLimitStore(redisUrl!);
  });
  afterAll(async () => {
    await store.close();
  });
  checksOf(() => store);
});

describe('limit store in a Redis that does not answer', () => {
  it('fails with LimitStoreUnavailableError (503 LIMITS_UNAVAILABLE) within its command bound instead of hanging', async () => {
    const store = new RedisLimitStore(`redis://127.0.0.1:${await freePort()}`);
    try {
      const started = Date.now();
      const error = await store.take('test:down', RULE, NOW).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LimitStoreUnavailableError);
      expect((error as Error).name).toBe('LimitStoreUnavailableError'); // problem.filter: 503 LIMITS_UNAVAILABLE
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await store.close();
    }
  });
});
