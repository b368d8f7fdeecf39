import { Inject, Injectable } from '@nestjs/common';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { canonicalize, DomainError, type StaffActor } from '../../../../libs/domain/src';
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
import { newDecisionId } from '../register-decision/decision-id';
import { CONFIG, DATA_SOURCE } from './tokens';

const KEY = /^[\x21-\x7E]{1,128}$/;

/** How long a retry waits for the answer of an attempt whose write is already committed. */
const APPLIED_ANSWER_WAIT_MS = 2_000;

/**
 * No outcome within the bound (HTTP 503 with Retry-After): the request may or may not be applied.
 * Retrying it with the same Idempotency-Key is safe and returns the one outcome.
 */
export class OutcomeUnknownError extends DomainError {
  constructor(boundMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(boundMs / 2_000));
    super('OUTCOME_UNKNOWN', 'unavailable', `No outcome within ${boundMs} ms; the request may still be applied. Retry with the same Idempotency-Key.`, { retryAfterSeconds });
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
    if (!KEY.test(request.key)) throw new DomainError('INVALID_IDEMPOTENCY_KEY', 'invalid', 'Idempotency-Key must be 1–128 printable ASCII characters.');
    const key = `${request.actor.accountId}:${request.key}`;
    const hash = sha256Hex(canonicalize({ method: request.method, path: request.path, body: request.body ?? null }));
    const row = await reserveStaffRequest(this.dataSource, key, hash, newDecisionId(), new Date());
    if (row.hash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'invalid', 'This Idempotency-Key was used for another request; use a new key for a new request.');
    if (row.response !== null) return replay<T>(row.response);
    if (row.applied) return this.answerOfApplied<T>(key);
    try {
      const value = await withStaffRequest({ key, claimed: false, deadline, reserved: row.reserved ?? undefined }, work);
      await completeStaffRequest(this.dataSource, key, { value });
      return value;
    } catch (error) {
      if (error instanceof StaffRequestAppliedError) return this.answerOfApplied<T>(key);
      const refusal = toDomainError(error);
      if (refusal instanceof DomainError && !['unavailable', 'rate_limited'].includes(refusal.kind)) {
        await completeStaffRequest(this.dataSource, key, { error: { code: refusal.code, kind: refusal.kind, message: refusal.message, details: refusal.details } });
      }
      throw error;
    }
  }

  /**
   * Another attempt's write committed: its answer is stored right after, so wait for it briefly. If
   * that attempt's process died in between, the answer is gone, but not the write (409).
   */
  private async answerOfApplied<T>(key: string): Promise<T> {
    const until = Date.now() + APPLIED_ANSWER_WAIT_MS;
    let row: StaffRequestRow | undefined;
    while (Date.now() < until) {
      row = await findStaffRequest(this.dataSource, key);
      if (row?.response) return replay<T>(row.response);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new DomainError('IDEMPOTENCY_KEY_APPLIED', 'conflict', 'The request with this Idempotency-Key was applied, but its answer was lost; read the resource to see it.');
  }
}

function replay<T>(response: string): T {
  const answer = JSON.parse(response) as StoredAnswer;
  if ('value' in answer) return answer.value as T;
  throw new DomainError(answer.error.code, answer.error.kind as DomainError['kind'], answer.error.message, answer.error.details);
}
