import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

/**
 * Typed domain errors. Each has a stable `code` from the catalogue (`error-codes.ts`, ADR 0040; part of
 * the public API: problem+json `code`, its HTTP status and texts) and a `kind`, the class of refusal. `name` is set explicitly because
 * Temporal uses it as the failure type when a workflow or activity throws it.
 */
export type DomainErrorKind =
  | 'malformed'
  | 'invalid'
  | 'conflict'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The action is not allowed in the decision's current state (HTTP 409). */
export class IllegalTransitionError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('ILLEGAL_TRANSITION', 'conflict', message, details);
    this.name = 'IllegalTransitionError';
  }
}

/** The input breaks a rule that does not depend on state (HTTP 422). */
export class InvalidCommandError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, 'invalid', message, details);
    this.name = 'InvalidCommandError';
  }
}

/** The account may not perform this action on this decision (HTTP 403). */
export class ForbiddenActionError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, 'forbidden', message);
    this.name = 'ForbiddenActionError';
  }
}

/**
 * A log append found a different entry already stored under the same (decision, seq). This is a bug
 * (two writers for one chain), never a retry; activities raise it as non-retryable.
 */
export class LogConflictError extends DomainError {
  constructor(decisionId: string, seq: number) {
    super('LOG_CONFLICT', 'conflict', `Log entry ${seq} of decision ${decisionId} already holds a different entry.`);
    this.name = 'LogConflictError';
  }
}
