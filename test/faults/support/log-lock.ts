import Sqlite from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import type { TestDatabase } from '../../support/databases';
import type { Replicas } from '../../support/replicas';

/**
 * Holds the logs locked from a connection of the test's own, so that a worker's log append (the
 * `appendEvents` activity) waits inside its transaction, and tells which worker is waiting there:
 * - PostgreSQL: `LOCK TABLE internal_events, public_events IN ACCESS EXCLUSIVE MODE`; the waiting worker
 *   is the `od-worker-<n>` (PGAPPNAME) that `pg_stat_activity` shows waiting on a lock.
 * - SQLite: `BEGIN EXCLUSIVE` (the write lock; readers go on in WAL mode); better-sqlite3 waits for it
 *   synchronously in SQLite's busy handler, so the waiting worker is the one whose main thread sleeps in
 *   `hrtimer_nanosleep` (Linux `/proc/<pid>/wchan`) instead of idling in `epoll_wait`.
 */
export interface LogLock {
  /** The slot of the worker waiting on the lock, or undefined when none is (yet). */
  waitingWorker(replicas: Replicas): Promise<number | undefined>;
  release(): Promise<void>;
}

export async function lockTheLogs(db: TestDatabase): Promise<LogLock> {
  if (db.config.kind === 'postgres') {
    const client = new PgClient({ connectionString: db.config.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE internal_events, public_events IN ACCESS EXCLUSIVE MODE');
    return {
      async waitingWorker() {
        const { rows } = await client.query<{ name: string }>(
          `SELECT application_name AS name FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name LIKE 'od-worker-%'`,
        );
        return rows.length === 1 ? Number(rows[0]!.name.replace('od-worker-', '')) : undefined;
      },
      async release() {
        await client.query('COMMIT');
        await client.end();
      },
    };
  }
  const connection = new Sqlite(db.config.file, { timeout: 0 });
  connection.exec('BEGIN EXCLUSIVE');
  return {
    waitingWorker(replicas) {
      const sleeping = replicas.workers.flatMap((worker, n) =>
        worker?.child.pid && readFileSync(`/proc/${worker.child.pid}/wchan`, 'utf8') === 'hrtimer_nanosleep' ? [n] : [],
      );
      return Promise.resolve(sleeping.length === 1 ? sleeping[0] : undefined);
    },
    release() {
      connection.exec('ROLLBACK');
      connection.close();
      return Promise.resolve();
    },
  };
}
