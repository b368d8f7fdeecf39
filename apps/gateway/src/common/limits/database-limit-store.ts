import type { DataSource } from 'typeorm';
import { DatabaseRateLimits } from '../../../../../libs/persistence/src';
import { gcraWait, type LimitRule, type LimitStore } from './limit-store';

/** The GCRA in the app database's `rate_limits` table: every gateway on the database shares it (ADR 31). */
export class DatabaseLimitStore implements LimitStore {
  private readonly limits: DatabaseRateLimits;

  constructor(dataSource: DataSource) {
    this.limits = new DatabaseRateLimits(dataSource);
  }

  async take(key: string, rule: LimitRule, now: number): Promise<number | undefined> {
    if (await this.limits.take(key, rule.windowMs / rule.limit, rule.windowMs, now)) return undefined;
    return Math.max(1, gcraWait(await this.limits.tatOf(key), rule, now));
  }

  giveBack(key: string, rule: LimitRule): Promise<void> {
    return this.limits.giveBack(key, rule.windowMs / rule.limit);
  }

  reset(key: string): Promise<void> {
    return this.limits.reset(key);
  }

  tatOf(key: string): Promise<number | undefined> {
    return this.limits.tatOf(key);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
