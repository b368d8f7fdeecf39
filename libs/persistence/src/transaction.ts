import type { DataSource, EntityManager } from 'typeorm';
import { claimStaffRequest, currentStaffRequest } from './idempotency/staff-requests';

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
 *
 * Inside a staff request sent with an Idempotency-Key (`withStaffRequest`), the first write transaction
 * also claims the key before it commits, storing its result: a concurrent attempt's write then rolls
 * back, and a later retry is answered that stored result instead of writing again (ADR 0026).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const request = currentStaffRequest();
  const claiming = request?.key && !request.claimed ? { scope: request, key: request.key } : undefined;
  if (claiming && request?.written) {
    request.claimed = true;
    return request.written.value as T;
  }
  const result = await queued(dataSource, async (manager) => {
    const value = await work(manager);
    if (claiming) await claimStaffRequest(manager, claiming.key, value);
    return value;
  });
  if (claiming) claiming.scope.claimed = true;
  return result;
}

function queued<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const run = (): Promise<T> =>
    dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM units WHERE 1 = 0');
      return work(manager);
    });
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const result = previous.then(run, run);
  queues.set(
    dataSource,
    result.catch(() => undefined),
  );
  return result;
}
