/** How many failed sign-ins a window allows, per (username, client address) and per client address. */
export interface SignInLimits {
  maxFailures: number;
  maxFailuresPerClient: number;
  windowMs: number;
}

/** Entries kept before idle ones are swept (an attacker spreading usernames is held by the per-client cap). */
const SWEEP_ABOVE = 100_000;

/**
 * Failed sign-ins within a sliding window, per (username, client) and per client. An attempt is counted
 * as a failure when it starts — so a burst of parallel guesses cannot all slip past the check while the
 * password hashes run — and taken back when it succeeds, which also clears that username's count for
 * that client. In memory: limits are per gateway process (like the opinion rate limit). The clock is
 * injected for tests.
 */
export class SignInThrottle {
  /** Start times of failures (and attempts in flight), oldest first, at most the limit kept. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Admits an attempt (counting it as a failure until `succeeded`) and answers undefined, or answers the
   * whole seconds until the oldest failure in the window leaves it — the attempt is then not counted.
   */
  attempt(username: string, client: string): number | undefined {
    const now = this.now();
    const userKey = keyOf(username, client);
    const perClient = clientKey(client);
    const wait = Math.max(this.waitMs(userKey, this.limits.maxFailures, now), this.waitMs(perClient, this.limits.maxFailuresPerClient, now));
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now);
    this.record(userKey, this.limits.maxFailures, now);
    this.record(perClient, this.limits.maxFailuresPerClient, now);
    return undefined;
  }

  /** The admitted attempt succeeded: the username's count for this client starts again at zero. */
  succeeded(username: string, client: string): void {
    this.takeBack(username, client);
    this.failures.delete(keyOf(username, client));
  }

  /** The admitted attempt could not check the password (e.g. the database was down): it does not count. */
  abandoned(username: string, client: string): void {
    this.takeBack(username, client);
  }

  private takeBack(username: string, client: string): void {
    const counted = this.failures.get(keyOf(username, client))?.pop();
    const clientLog = this.failures.get(clientKey(client));
    const index = counted === undefined ? -1 : (clientLog?.lastIndexOf(counted) ?? -1);
    if (clientLog && index >= 0) clientLog.splice(index, 1);
  }

  /** Milliseconds until the key has fewer than `max` failures in the window (0: admitted now). */
  private waitMs(key: string, max: number, now: number): number {
    const log = this.prune(key, now);
    if (!log || log.length < max) return 0;
    return log[log.length - max]! + this.limits.windowMs - now;
  }

  private record(key: string, max: number, now: number): void {
    const log = this.failures.get(key) ?? [];
    log.push(now);
    if (log.length > max) log.splice(0, log.length - max);
    this.failures.set(key, log);
  }

  private prune(key: string, now: number): number[] | undefined {
    const log = this.failures.get(key);
    if (!log) return undefined;
    const kept = log.filter((at) => now - at < this.limits.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept.length ? kept : undefined;
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.prune(key, now);
  }
}

const keyOf = (username: string, client: string): string => `user\u0000${client}\u0000${username}`;
const clientKey = (client: string): string => `client\u0000${client}`;
