import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction. Every write transaction goes through here.
 *
 * Trap (SQLite): TypeORM's better-sqlite3 driver shares one connection, so two concurrent
 * `dataSource.transaction()` calls in one process nest as savepoints and commit or roll back each
 * other's work. Here SQLite transactions are queued one at a time per data source, and each starts
 * with a no-op write so that it takes the write lock at once (like BEGIN IMMEDIATE): another process's
 * commit can then no longer invalidate its reads half-way (SQLITE_BUSY_SNAPSHOT); it waits instead.
 * PostgreSQL transactions run concurrently on pooled connections.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const run = (): Promise<T> =>
    dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM units WHERE 1 = 0');
      return work(manager);
    });
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const result = previous.then(run, run);
  queues.set(dataSource, result.catch(() => undefined));
  return result;
}
