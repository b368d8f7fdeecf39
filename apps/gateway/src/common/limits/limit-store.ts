/**
 * A budget of `limit` units per `windowMs` for one key, as a generic cell rate algorithm (GCRA, ADR 31):
 * one unit comes back every `windowMs / limit`, and at most `limit` can be taken at once. Its whole state
 * is one number per key — the theoretical arrival time (`tat`, epoch ms) — so it can live in a database
 * row or a Redis key that every gateway updates atomically.
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
}

/** Where every gateway's limits live: the app database (default) or Redis (`REDIS_URL`). */
export interface LimitStore {
  /** Takes one unit of the key's budget: undefined when admitted, else the ms until one is free (nothing taken). */
  take(key: string, rule: LimitRule, now: number): Promise<number | undefined>;
  /** Gives back one unit taken earlier (an attempt that did not count). */
  giveBack(key: string, rule: LimitRule): Promise<void>;
  /** Forgets the key: its whole budget is free again. */
  reset(key: string): Promise<void>;
  /** The key's state, epoch ms (undefined: full budget). */
  tatOf(key: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** One step of the GCRA, the rule every store implements in its own language: the new `tat`, or the wait. */
export function gcraTake(tat: number | undefined, rule: LimitRule, now: number): { tat: number } | { waitMs: number } {
  const interval = rule.windowMs / rule.limit;
  const next = Math.max(tat ?? now, now) + interval;
  return next - now > rule.windowMs ? { waitMs: Math.ceil(next - rule.windowMs - now) } : { tat: next };
}

/** Ms until a key in state `tat` admits one more (0: now). */
export function gcraWait(tat: number | undefined, rule: LimitRule, now: number): number {
  const result = gcraTake(tat, rule, now);
  return 'waitMs' in result ? result.waitMs : 0;
}

/** The GCRA in this process's memory: the reference for the shared stores, and the unit tests' store. */
export class MemoryLimitStore implements LimitStore {
  private readonly tats = new Map<string, number>();

  take(key: string, rule: LimitRule, now: number): Promise<number | undefined> {
    const result = gcraTake(this.tats.get(key), rule, now);
    if ('waitMs' in result) return Promise.resolve(result.waitMs);
    this.tats.set(key, result.tat);
    return Promise.resolve(undefined);
  }

  giveBack(key: string, rule: LimitRule): Promise<void> {
    const tat = this.tats.get(key);
    if (tat !== undefined) this.tats.set(key, tat - rule.windowMs / rule.limit);
    return Promise.resolve();
  }

  reset(key: string): Promise<void> {
    this.tats.delete(key);
    return Promise.resolve();
  }

  tatOf(key: string): Promise<number | undefined> {
    return Promise.resolve(this.tats.get(key));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
