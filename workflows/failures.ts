import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '../libs/domain/src';

/** What a rejected or failed update carries to the gateway in `ApplicationFailure.details[0]`. */
export interface FailureDetails {
  code: string;
  kind: DomainError['kind'];
  details?: Record<string, unknown>;
}

/**
 * Runs a rule and turns a domain error into a non-retryable ApplicationFailure. Trap: a plain Error
 * thrown from an update handler fails the workflow task and retries it forever; only
 * ApplicationFailure fails just the update.
 */
export function asFailure<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof DomainError) {
      const details: FailureDetails = { code: error.code, kind: error.kind, details: error.details };
      throw ApplicationFailure.create({
        type: error.name,
        message: error.message,
        nonRetryable: true,
        details: [details],
      });
    }
    throw error;
  }
}
