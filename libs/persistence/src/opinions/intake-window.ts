import { DomainError } from '../../../domain/src';
import type { EntityManager } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { ConsultationEntity } from '../entities/opinion.entity';

/** Where a decision accepts opinions right now: its consultation round, or the execution channel. */
export interface Intake {
  phase: 'consultation' | 'execution';
  round: number;
}

export function keyReused(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'invalid',
    'This Idempotency-Key was used for a different opinion; use a new key for a new opinion.',
  );
}

export function notOpen(window: ConsultationEntity | undefined): DomainError {
  return window
    ? new DomainError(
        'CONSULTATION_NOT_OPEN',
        'conflict',
        `The consultation accepts opinions from ${window.opensAt} until ${window.closesAt}.`,
      )
    : new DomainError('CONSULTATION_NOT_OPEN', 'conflict', 'This decision is not open for opinions.', { window: null });
}

/**
 * Per decision, whether it accepts an opinion at `at`: an open consultation round inside its window
 * (PostgreSQL: the rows are read FOR SHARE, so the seal's FOR UPDATE waits for this transaction), or
 * else the standing channel of a public decision in execution, which stays open while the execution is
 * being evaluated (SPEC.md §3.6, art.34). A confidential decision has none (ADR 29).
 */
export async function openIntakes(
  manager: EntityManager,
  decisionIds: string[],
  at: string,
): Promise<Map<string, Intake | { closed: ConsultationEntity }>> {
  const query = manager
    .createQueryBuilder(ConsultationEntity, 'c')
    .where('c.decision_id IN (:...decisionIds)', { decisionIds });
  if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_read');
  const result = new Map<string, Intake | { closed: ConsultationEntity }>();
  for (const window of await query.getMany()) {
    const open = window.status === 'open' && at >= window.opensAt && at < window.closesAt;
    result.set(window.decisionId, open ? { phase: 'consultation', round: window.round } : { closed: window });
  }
  const others = decisionIds.filter((id) => !result.has(id) || 'closed' in result.get(id)!);
  if (others.length > 0) {
    const executing = await manager
      .createQueryBuilder(DecisionEntity, 'd')
      .select('d.id', 'id')
      // A confidential decision has no public intake, even once published (SPEC.md §3.8, ADR 29).
      .where(
        'd.id IN (:...others) AND d.stage IN (:...stages) AND d.public_visible = :visible AND d.confidential = :confidential',
        {
          others,
          stages: ['execution', 'evaluation'],
          visible: true,
          confidential: false,
        },
      )
      .getRawMany<{ id: string }>();
    for (const { id } of executing) result.set(id, { phase: 'execution', round: 0 });
  }
  return result;
}
