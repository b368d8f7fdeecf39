import type { DataSource } from 'typeorm';
import { actsForAllUnits, DomainError, type DecisionRecord, type StaffActor } from '../../../../libs/domain/src';
import { findDecision } from '../../../../libs/persistence/src';

/**
 * The decision from the read model when `actor` may work on it: a drafter on their own unit's decisions,
 * reviewers and managers on every unit's (as for the raw opinions). Anything else is DECISION_NOT_FOUND,
 * so other units' decisions are not even confirmed to exist.
 */
export async function ownDecision(
  dataSource: DataSource,
  decisionId: string,
  actor: StaffActor,
): Promise<DecisionRecord> {
  const decision = await findDecision(dataSource, decisionId);
  if (!decision || (!actsForAllUnits(actor.role) && decision.unit !== actor.unit)) {
    throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No decision ${decisionId} for your unit.`);
  }
  return decision;
}
