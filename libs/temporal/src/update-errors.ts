import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError, type ErrorCode } from '../../domain/src';
import type { FailureDetails } from '../../../workflows/failures';

/**
 * Turns a rejected or failed Workflow Update back into the DomainError the workflow raised, so the
 * gateway's one error filter maps it to problem+json. Other errors pass through unchanged.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const details = error.cause.details?.[0] as FailureDetails | undefined;
    // The workflow raises only DomainErrors, whose codes the compiler checked against the catalogue.
    if (details?.code)
      return new DomainError(details.code as ErrorCode, details.kind, error.cause.message, details.details);
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('DECISION_NOT_FOUND', 'not_found', 'No such decision.');
  }
  return error;
}
