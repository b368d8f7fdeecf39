import { canonicalize, type StaffActor } from '../../../domain/src';
import type { EntityManager } from 'typeorm';
import { FeedbackWorkLogEntity } from '../entities/feedback.entity';

/** `decision_id` of work-log rows that belong to a unit rather than a decision (answer templates). */
export const NO_DECISION = '-';

/**
 * Appends one row to the append-only `feedback_work_log` through `manager`, i.e. in the caller's
 * transaction, so the change and its record commit together. The actor is {accountId, unit, role}:
 * internal only, never on a public surface.
 */
export async function appendFeedbackWork(
  manager: EntityManager,
  entry: { decisionId: string; type: string; actor: StaffActor; occurredAt: string; data: Record<string, unknown> },
): Promise<void> {
  const { accountId, unit, role } = entry.actor;
  await manager.insert(FeedbackWorkLogEntity, {
    decisionId: entry.decisionId,
    occurredAt: entry.occurredAt,
    actor: canonicalize({ accountId, unit, role }),
    type: entry.type,
    data: canonicalize(entry.data),
  });
}
