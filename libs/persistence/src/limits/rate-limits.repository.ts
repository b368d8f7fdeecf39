import type { DataSource } from 'typeorm';

type SqliteHandle = {
  prepare(sql: string): { get(...params: unknown[]): unknown };
  pragma(source: string): unknown;
  readonly inTransaction: boolean;
};

/**
 * The shared rate-limit state in the app database (table `rate_limits`, ADR 31): one row per key holding
 * the GCRA's theoretical arrival time (epoch ms). `take` is one atomic upsert that only advances the row
 * while the budget allows, so gateways racing on one key never admit more than the budget.
 */
export class DatabaseRateLimits {
  private readonly postgres: boolean;
  private takes = 0;
  private sqlite: { handle: SqliteHandle; upsert: { get(...params: unknown[]): unknown } } | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** Advances the key by `intervalMs` when that stays within `windowMs` of `now`: true, else false (nothing written). */
  async take(key: string, intervalMs: number, windowMs: number, now: number): Promise<boolean> {
    if (++this.takes % 1000 === 0) await this.sweep(now);
    const [at, interval, window] = [Math.floor(now), Math.ceil(intervalMs), Math.floor(windowMs)];
    if (this.postgres)
      return (
        (
          await this.dataSource.query<unknown[]>(
            `INSERT INTO rate_limits (key, tat) VALUES ($1, $2::bigint + $3::bigint)
           ON CONFLICT (key) DO UPDATE SET tat = GREATEST(rate_limits.tat, $2::bigint) + $3::bigint
           WHERE GREATEST(rate_limits.tat, $2::bigint) + $3::bigint - $2::bigint <= $4::bigint RETURNING tat`,
            [key, at, interval, window],
          )
        ).length > 0
      );
    return this.takeOnSqlite(key, at, interval, window);
  }

  /**
   * SQLite: a counter, not a record (ADR 0127). The upsert runs on the driver's handle with `synchronous = NORMAL`
   * for that one statement: in WAL mode its commit then waits for no fsync — which, better-sqlite3 being
   * synchronous, held the gateway's event loop ~0.2 ms per public opinion — and the next commit with `FULL`
   * (an opinion's, a log append's) syncs it along. A power loss can only forget the last takes: their clients
   * get that budget back. Statement and both pragmas run in one turn of the event loop, so no other statement
   * of this connection runs under `NORMAL`; inside another transaction the upsert is part of it, as before.
   */
  private takeOnSqlite(key: string, at: number, interval: number, window: number): boolean {
    const handle = (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
    if (this.sqlite?.handle !== handle)
      this.sqlite = {
        handle,
        // better-sqlite3 binds anonymous parameters only: SQLite's statement repeats them in order.
        upsert: handle.prepare(
          `INSERT INTO rate_limits (key, tat) VALUES (?, ? + ?)
           ON CONFLICT (key) DO UPDATE SET tat = max(rate_limits.tat, ?) + ?
           WHERE max(rate_limits.tat, ?) + ? - ? <= ? RETURNING tat`,
        ),
      };
    const take = (): boolean =>
      this.sqlite!.upsert.get(key, at, interval, at, interval, at, interval, at, window) !== undefined;
    // SQLite refuses to change the safety level inside a transaction; there the transaction's commit decides.
    if (handle.inTransaction) return take();
    handle.pragma('synchronous = NORMAL');
    try {
      return take();
    } finally {
      handle.pragma('synchronous = FULL');
    }
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
