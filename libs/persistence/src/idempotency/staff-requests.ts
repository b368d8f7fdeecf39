import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../accounts/admin-events';

/**
 * Staff requests sent with an `Idempotency-Key` (issue 12, ADR 0026). A row is reserved before the work
 * starts (so a reused key with another body is told apart at once, and a register keeps the decision id
 * it chose), claimed inside the transaction of a database write (so a write happens once, whatever the
 * retries), and completed with the original answer, which every retry then gets.
 */
export interface StaffRequestRow {
  /** `<account id>:<key>`: one client's key never meets another's. */
  key: string;
  hash: string;
  /** A value chosen with the first attempt that every retry reuses (register: the decision id). */
  reserved: string | null;
  /** Set in the transaction of a database write: the write is done, whatever became of its answer. */
  applied: boolean;
  /** The result of the write transaction that applied it, as JSON `{ "value": … }`. */
  written: string | null;
  /** The original answer as JSON ({@link StoredAnswer}), once known. */
  response: string | null;
}

/** What a completed request answered: its value, or the refusal with its stable code. */
export type StoredAnswer =
  | { value: unknown }
  | { error: { code: string; kind: string; message: string; details?: Record<string, unknown> } };

/** The request being served, for the transaction that claims it (see {@link inTransaction}). */
export interface StaffRequestScope {
  /** The scoped key (also the Temporal update id of a workflow action); none without Idempotency-Key. */
  key?: string;
  /** Set once a write transaction of this request committed its claim. */
  claimed: boolean;
  /** When the request's answer is due (epoch ms): calls to Temporal get it as their gRPC deadline. */
  deadline: number;
  /** The value reserved with the first attempt (register: its decision id). */
  reserved?: string;
  /**
   * Set on a retry of a request whose write committed: its first write transaction is not run again
   * but answers this stored result, so the handler builds the original answer again.
   */
  written?: { value: unknown };
}

const scope = new AsyncLocalStorage<StaffRequestScope>();

/** Runs `work` as the staff request `value`: with a key, the first write transaction inside claims it. */
export function withStaffRequest<T>(value: StaffRequestScope, work: () => Promise<T>): Promise<T> {
  return scope.run(value, work);
}

export const currentStaffRequest = (): StaffRequestScope | undefined => scope.getStore();

/** The key was claimed by another attempt's write already: this attempt's transaction rolls back. */
export class StaffRequestAppliedError extends Error {
  constructor(readonly key: string) {
    super(`staff request ${key} was applied already`);
    this.name = 'StaffRequestAppliedError';
  }
}

const params = (db: DataSource | EntityManager, n: number): string[] => {
  const type = 'manager' in db ? db.options.type : db.connection.options.type;
  return Array.from({ length: n }, (_, i) => (type === 'postgres' ? `$${i + 1}` : '?'));
};

interface RawRow {
  request_key: string;
  request_hash: string;
  reserved: string | null;
  applied: number | string;
  written: string | null;
  response: string | null;
}

export async function findStaffRequest(dataSource: DataSource, key: string): Promise<StaffRequestRow | undefined> {
  const [p] = params(dataSource, 1);
  const rows = await dataSource.query<RawRow[]>(
    `SELECT request_key, request_hash, reserved, applied, written, response FROM staff_requests WHERE request_key = ${p}`,
    [key],
  );
  const row = rows[0];
  return (
    row && {
      key: row.request_key,
      hash: row.request_hash,
      reserved: row.reserved,
      applied: Number(row.applied) === 1,
      written: row.written,
      response: row.response,
    }
  );
}

/** Reserves `key` for a request with `hash`, or answers the row an earlier attempt left. */
export async function reserveStaffRequest(
  dataSource: DataSource,
  key: string,
  hash: string,
  reserved: string | null,
  now: Date,
): Promise<StaffRequestRow> {
  const p = params(dataSource, 4);
  try {
    await dataSource.query(
      `INSERT INTO staff_requests (request_key, request_hash, reserved, created_at) VALUES (${p.join(', ')})`,
      [key, hash, reserved, now.toISOString()],
    );
    return { key, hash, reserved, applied: false, written: null, response: null };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const found = await findStaffRequest(dataSource, key);
    if (!found) throw error;
    return found;
  }
}

/** In a write's own transaction: marks `key` applied with the transaction's result, or throws {@link StaffRequestAppliedError}. */
export async function claimStaffRequest(manager: EntityManager, key: string, written: unknown): Promise<void> {
  const p = params(manager, 2);
  const runner = manager.queryRunner;
  if (!runner) throw new Error('claimStaffRequest runs inside a transaction');
  const result = (await runner.query(
    `UPDATE staff_requests SET applied = 1, written = ${p[0]} WHERE request_key = ${p[1]} AND applied = 0`,
    [JSON.stringify({ value: written }), key],
    true,
  )) as { affected?: number };
  if (result.affected !== 1) throw new StaffRequestAppliedError(key);
}

/** Stores the original answer of `key`. */
export async function completeStaffRequest(dataSource: DataSource, key: string, answer: StoredAnswer): Promise<void> {
  const p = params(dataSource, 2);
  await dataSource.query(`UPDATE staff_requests SET response = ${p[0]} WHERE request_key = ${p[1]}`, [
    JSON.stringify(answer),
    key,
  ]);
}
