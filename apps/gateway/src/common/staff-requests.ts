import { Inject, Injectable } from '@nestjs/common';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { canonicalize, DomainError, type ErrorCode, type StaffActor } from '../../../../libs/domain/src';
import {
  completeStaffRequest,
  findStaffRequest,
  reserveStaffRequest,
  sha256Hex,
  StaffRequestAppliedError,
  withStaffRequest,
  type StaffRequestRow,
  type StoredAnswer,
} from '../../../../libs/persistence/src';
import { toDomainError } from '../../../../libs/temporal/src';
import type { GatewayConfig } from '../config';
import { newDecisionId } from './decision-id';
import { CONFIG, DATA_SOURCE } from './tokens';

const KEY = /^[\x21-\x7E]{1,128}$/;

/**
 * No outcome within the bound (HTTP 503 with Retry-After): the request may or may not be applied.
 * Retrying it with the same Idempotency-Key is safe and returns the one outcome.
 */
export class OutcomeUnknownError extends DomainError {
  constructor(boundMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(boundMs / 2_000));
    super(
      'OUTCOME_UNKNOWN',
      'unavailable',
      `No outcome within ${boundMs} ms; the request may still be applied. Retry with the same Idempotency-Key.`,
      { retryAfterSeconds },
    );
    this.name = 'OutcomeUnknownError';
  }
}

/** A staff request as the idempotency record sees it. */
export interface StaffRequest {
  actor: StaffActor;
  /** The client's Idempotency-Key, if it sent one. */
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}

/** Whether an error means a Temporal call ran out of its deadline (outcome unknown, not "unreachable"). */
export function isDeadlineExceeded(error: unknown): boolean {
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || (error as { code?: unknown })?.code === 4;
}

/**
 * Every mutating staff request goes through here (ADR 0026, 0027): it is answered within
 * STAFF_REQUEST_TIMEOUT_MS, and with an Idempotency-Key it is applied once, every retry with the same
 * key and body getting the original answer (the same key with another body: 422 IDEMPOTENCY_KEY_REUSED).
 */
@Injectable()
export class StaffRequests {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async run<T>(request: StaffRequest, work: () => Promise<T>): Promise<T> {
    const boundMs = this.config.STAFF_REQUEST_TIMEOUT_MS;
    const deadline = Date.now() + boundMs;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OutcomeUnknownError(boundMs)), boundMs);
    });
    const served = this.serve(request, deadline, work).catch((error: unknown) => {
      throw isDeadlineExceeded(error) ? new OutcomeUnknownError(boundMs) : error;
    });
    try {
      return await Promise.race([served, late]);
    } finally {
      clearTimeout(timer);
      served.catch(() => undefined); // finishes in the background past the bound; a retry gets its outcome
    }
  }

  private async serve<T>(request: StaffRequest, deadline: number, work: () => Promise<T>): Promise<T> {
    if (request.key === undefined) return withStaffRequest({ claimed: false, deadline }, work);
    if (!KEY.test(request.key))
      throw new DomainError(
        'INVALID_IDEMPOTENCY_KEY',
        'invalid',
        'Idempotency-Key must be 1–128 printable ASCII characters.',
      );
    const key = `${request.actor.accountId}:${request.key}`;
    const hash = sha256Hex(canonicalize({ method: request.method, path: request.path, body: request.body ?? null }));
    const row = await reserveStaffRequest(this.dataSource, key, hash, newDecisionId(), new Date());
    if (row.hash !== hash)
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'invalid',
        'This Idempotency-Key was used for another request; use a new key for a new request.',
      );
    if (row.response !== null) return replay<T>(row.response);
    try {
      return await this.attempt(key, deadline, row, work);
    } catch (error) {
      if (!(error instanceof StaffRequestAppliedError)) throw error;
      // A concurrent attempt committed the write first: build the answer from its result.
      const applied = await findStaffRequest(this.dataSource, key);
      if (!applied) throw error;
      return this.attempt(key, deadline, applied, work);
    }
  }

  /**
   * Runs the handler as the request `key`. If an earlier attempt's write committed (whatever became
   * of its answer), the handler runs again but its write transaction answers the stored result.
   */
  private async attempt<T>(key: string, deadline: number, row: StaffRequestRow, work: () => Promise<T>): Promise<T> {
    const written = row.written === null ? undefined : (JSON.parse(row.written) as { value: unknown });
    try {
      const value = await withStaffRequest(
        { key, claimed: false, deadline, reserved: row.reserved ?? undefined, ...(written ? { written } : {}) },
        work,
      );
      await completeStaffRequest(this.dataSource, key, { value });
      return value;
    } catch (error) {
      const refusal = toDomainError(error);
      if (refusal instanceof DomainError && !['unavailable', 'rate_limited'].includes(refusal.kind)) {
        await completeStaffRequest(this.dataSource, key, {
          error: { code: refusal.code, kind: refusal.kind, message: refusal.message, details: refusal.details },
        });
      }
      throw error;
    }
  }
}

function replay<T>(response: string): T {
  const answer = JSON.parse(response) as StoredAnswer;
  if ('value' in answer) return answer.value as T;
  throw new DomainError(
    answer.error.code as ErrorCode,
    answer.error.kind as DomainError['kind'],
    answer.error.message,
    answer.error.details,
  );
}
