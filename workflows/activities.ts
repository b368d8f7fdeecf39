import type { ConsultationCounts, StepEvents } from '../libs/domain/src';

/** Input of `appendEvents`: one step's events for one decision, seqs assigned by the workflow. */
export interface AppendEventsInput extends StepEvents {
  decisionId: string;
}

/**
 * The activities the decision workflow needs. Implemented in `apps/worker`.
 *
 * `appendEvents` is idempotent on (decisionId, seq) for both logs: a retry that finds its entries
 * stored succeeds; a different entry under the same seq fails non-retryably with `LogConflictError`.
 * It updates the read models in the same transaction.
 */
export interface DecisionActivities {
  appendEvents(input: AppendEventsInput): Promise<void>;
  /**
   * Seals the consultation at its close time: nothing is accepted after it, every receipted opinion is
   * inside it, and the counts are frozen. Idempotent: a retry returns the counts frozen the first time.
   */
  sealConsultation(input: { decisionId: string }): Promise<ConsultationCounts>;
}
