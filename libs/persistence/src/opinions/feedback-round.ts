import { DomainError, IllegalTransitionError } from '../../../domain/src';
import type { EntityManager } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { ConsultationEntity } from '../entities/opinion.entity';

/**
 * The consultation round that staff work on in the feedback stage (answers, cluster edits), read in the
 * write's own transaction and locked against the FeedbackPublished projection: PostgreSQL `share` (FOR
 * SHARE: the projection's UPDATE waits) or `update` (FOR UPDATE: such writes of a decision also queue
 * behind each other); SQLite's `inTransaction` holds the write lock already. Refuses once the feedback
 * is published (FEEDBACK_PUBLISHED, `published` says what is final) and outside the feedback stage
 * (ILLEGAL_TRANSITION, `work` says what happens in it).
 */
export async function feedbackRound(
  manager: EntityManager,
  decisionId: string,
  lock: 'share' | 'update',
  work: string,
  published: string,
): Promise<ConsultationEntity> {
  const query = manager
    .createQueryBuilder(ConsultationEntity, 'c')
    .where('c.decision_id = :decisionId', { decisionId });
  if (manager.connection.options.type === 'postgres')
    query.setLock(lock === 'share' ? 'pessimistic_read' : 'pessimistic_write');
  const consultation = await query.getOne();
  if (consultation?.feedbackPublishedAt)
    throw new DomainError(
      'FEEDBACK_PUBLISHED',
      'conflict',
      `The feedback was published at ${consultation.feedbackPublishedAt}; ${published}.`,
    );
  const stage =
    (await manager.findOne(DecisionEntity, { where: { id: decisionId }, select: { stage: true } }))?.stage ?? null;
  if (!consultation || stage !== 'feedback') {
    throw new IllegalTransitionError(
      `${work} in the feedback stage; decision ${decisionId} is in stage ${stage ?? 'unknown'}.`,
      { stage, allowedStages: ['feedback'] },
    );
  }
  return consultation;
}
