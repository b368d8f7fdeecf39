import type { LimitRule, LimitStore } from '../../common/limits/limit-store';

/** How many failed sign-ins a window allows: per (username, client), per client, and per username from everywhere. */
export interface SignInLimits {
  maxFailures: number;
  maxFailuresPerClient: number;
  maxFailuresPerAccount: number;
  windowMs: number;
}

/** Which budget refused an attempt: the account's own (every address together) or the client's. */
export interface SignInRefusal {
  retryAfterSeconds: number;
  accountLocked: boolean;
}

/**
 * Failed sign-ins against three budgets in the shared limit store (ADR 31, after ADR 22): per (username,
 * client), per client across usernames, and per username across every client — so a guess spread over
 * many addresses is held too. An attempt takes one unit of each when it starts (parallel guesses cannot
 * all pass while the hashes run) and gives them back when it succeeds (which also clears the
 * (username, client) budget) or could not check the password. Usernames are counted whether or not an
 * account has them: the answer never reveals which exist. The clock is injected for tests.
 */
export class SignInThrottle {
  constructor(
    private readonly store: LimitStore,
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits an attempt (counting it as a failure until `succeeded`) and answers undefined, or the refusal (nothing counted). */
  async attempt(username: string, client: string): Promise<SignInRefusal | undefined> {
    const now = this.now();
    const taken: Array<[string, LimitRule]> = [];
    for (const [key, rule] of this.budgets(username, client)) {
      const wait = await this.store.take(key, rule, now);
      if (wait !== undefined) {
        for (const [back, backRule] of taken) await this.store.giveBack(back, backRule);
        return { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), accountLocked: key === accountKey(username) };
      }
      taken.push([key, rule]);
    }
    return undefined;
  }

  /** The admitted attempt succeeded: it does not count, and the username's budget for this client is full again. */
  async succeeded(username: string, client: string): Promise<void> {
    await this.abandoned(username, client);
    await this.store.reset(pairKey(username, client));
  }

  /** The admitted attempt could not check the password (e.g. the database was down): it does not count. */
  async abandoned(username: string, client: string): Promise<void> {
    for (const [key, rule] of this.budgets(username, client)) await this.store.giveBack(key, rule);
  }

  /** Until when the username's own budget refuses every address (undefined: not locked). */
  async lockedUntil(username: string): Promise<Date | undefined> {
    const tat = await this.store.tatOf(accountKey(username));
    const rule = this.rule(this.limits.maxFailuresPerAccount);
    if (tat === undefined) return undefined;
    const freeAt = tat + rule.windowMs / rule.limit - rule.windowMs;
    return freeAt > this.now() ? new Date(freeAt) : undefined;
  }

  /** An administrator ends the username's lockout: its own budget is full again. */
  unlock(username: string): Promise<void> {
    return this.store.reset(accountKey(username));
  }

  private budgets(username: string, client: string): Array<[string, LimitRule]> {
    return [
      [pairKey(username, client), this.rule(this.limits.maxFailures)],
      [clientKey(client), this.rule(this.limits.maxFailuresPerClient)],
      [accountKey(username), this.rule(this.limits.maxFailuresPerAccount)],
    ];
  }

  private rule(limit: number): LimitRule {
    return { limit, windowMs: this.limits.windowMs };
  }
}

const pairKey = (username: string, client: string): string => `sign-in:pair:${client}:${username}`;
const clientKey = (client: string): string => `sign-in:client:${client}`;
const accountKey = (username: string): string => `sign-in:account:${username}`;
