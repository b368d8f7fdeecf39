import { Redis } from 'ioredis';
import { type LimitRule, type LimitStore } from './limit-store';

const PREFIX = 'od:limit:';

/** Redis did not answer (down, unreachable, over `commandTimeout`): HTTP 503 `LIMITS_UNAVAILABLE`, nothing admitted. */
export class LimitStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The shared rate-limit store (Redis) is not reachable.', { cause });
    this.name = 'LimitStoreUnavailableError';
  }
}

/** Runs a Redis command; any failure becomes LimitStoreUnavailableError. */
async function redisCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new LimitStoreUnavailableError(error);
  }
}

/** `gcraTake` in Lua, atomic in Redis: ARGV now, interval, window; answers -1 (admitted) or the ms to wait. */
const TAKE = `
local now = tonumber(ARGV[1]); local interval = tonumber(ARGV[2]); local window = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
local nextTat = math.max(tat, now) + interval
if nextTat - now > window then return math.ceil(nextTat - window - now) end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return -1`;

const GIVE_BACK = `
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat then redis.call('SET', KEYS[1], tostring(tat - tonumber(ARGV[1])), 'KEEPTTL') end
return 0`;

/** The GCRA in Redis (`REDIS_URL`), one key per limit key expiring when its budget is full again (ADR 31). */
export class RedisLimitStore implements LimitStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      commandTimeout: 2000,
    });
    // Failures surface per command (LimitStoreUnavailableError); the connection keeps retrying on its own.
    this.redis.on('error', () => undefined);
  }

  async take(key: string, rule: LimitRule, now: number): Promise<number | undefined> {
    const wait = Number(
      await redisCall(() =>
        this.redis.eval(TAKE, 1, PREFIX + key, Math.floor(now), rule.windowMs / rule.limit, rule.windowMs),
      ),
    );
    return wait < 0 ? undefined : Math.max(1, wait);
  }

  async giveBack(key: string, rule: LimitRule): Promise<void> {
    await redisCall(() => this.redis.eval(GIVE_BACK, 1, PREFIX + key, rule.windowMs / rule.limit));
  }

  async reset(key: string): Promise<void> {
    await redisCall(() => this.redis.del(PREFIX + key));
  }

  async tatOf(key: string): Promise<number | undefined> {
    const value = await redisCall(() => this.redis.get(PREFIX + key));
    return value === null ? undefined : Number(value);
  }

  async close(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit();
  }

  /** Nest closes the connection with the application. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
