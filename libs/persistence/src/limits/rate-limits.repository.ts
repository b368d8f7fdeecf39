import type { DataSource } from 'typeorm';

/**
 * The shared rate-limit state in the app database (table `rate_limits`, ADR 31): one row per key holding
 * the GCRA's theoretical arrival time (epoch ms). `take` is one atomic upsert that only advances the row
 * while the budget allows, so gateways racing on one key never admit more than the budget.
 */
export class DatabaseRateLimits {
  private readonly postgres: boolean;
  private takes = 0;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** Advances the key by `intervalMs` when that stays within `windowMs` of `now`: true, else false (nothing written). */
  async take(key: string, intervalMs: number, windowMs: number, now: number): Promise<boolean> {
    if (++this.takes % 1000 === 0) await this.sweep(now);
    const [at, interval, window] = [Math.floor(now), Math.ceil(intervalMs), Math.floor(windowMs)];
    // better-sqlite3 binds anonymous parameters only: SQLite's statement repeats them in order.
    const rows = await (this.postgres
      ? this.dataSource.query<unknown[]>(
          `INSERT INTO rate_limits (key, tat) VALUES ($1, $2::bigint + $3::bigint)
           ON CONFLICT (key) DO UPDATE SET tat = GREATEST(rate_limits.tat, $2::bigint) + $3::bigint
           WHERE GREATEST(rate_limits.tat, $2::bigint) + $3::bigint - $2::bigint <= $4::bigint RETURNING tat`,
          [key, at, interval, window],
        )
      : this.dataSource.query<unknown[]>(
          `INSERT INTO rate_limits (key, tat) VALUES (?, ? + ?)
           ON CONFLICT (key) DO UPDATE SET tat = max(rate_limits.tat, ?) + ?
           WHERE max(rate_limits.tat, ?) + ? - ? <= ? RETURNING tat`,
          [key, at, interval, at, interval, at, interval, at, window],
        ));
    return rows.length > 0;
  }

  async giveBack(key: string, intervalMs: number): Promise<void> {
    await this.dataSource.query(`UPDATE rate_limits SET tat = tat - ${this.param(1)} WHERE key = ${this.param(2)}`, [
      Math.ceil(intervalMs),
      key,
    ]);
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limits WHERE key = ${this.param(1)}`, [key]);
  }

  async tatOf(key: string): Promise<number | undefined> {
    const rows = await this.dataSource.query<{ tat: number | string }[]>(
      `SELECT tat FROM rate_limits WHERE key = ${this.param(1)}`,
      [key],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].tat);
  }

  /** Rows whose time has passed hold a full budget, the same as no row. */
  async sweep(now: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limits WHERE tat < ${this.param(1)}`, [Math.floor(now)]);
  }

  private param(n: number): string {
    return this.postgres ? `$${n}` : '?';
  }
}
