import { canonicalize, DomainError, type ResolvedAnswer, type StaffActor, type Verdict } from '../../../domain/src';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { InternalEventEntity } from '../entities/internal-event.entity';
import { OpinionAnswerEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { OpinionEntity } from '../entities/opinion.entity';
import { inTransaction } from '../transaction';
import { feedbackRound } from './feedback-round';
import { appendFeedbackWork } from './feedback-work-log';

/** IN lists and multi-row upserts stay far below both dialects' bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}

/** Whether a feedback report was submitted and is neither approved nor returned yet. */
async function feedbackUnderReview(manager: EntityManager, decisionId: string): Promise<boolean> {
  const rows = await manager.find(InternalEventEntity, {
    where: { decisionId, type: In(['PublicationSubmitted', 'PublicationApproved', 'PublicationReturned']) },
    order: { seq: 'ASC' },
  });
  const pending = new Set<unknown>();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { kind?: string; reviewId?: string };
    if (data.kind !== 'feedback') continue;
    if (row.type === 'PublicationSubmitted') pending.add(data.reviewId);
    else pending.delete(data.reviewId);
  }
  return pending.size > 0;
}

/** Refuses the first target that is not a cluster / opinion of the decision's current round, naming it. */
async function assertTargetsExist(
  manager: EntityManager,
  decisionId: string,
  round: number,
  answers: readonly ResolvedAnswer[],
): Promise<void> {
  for (const kind of ['cluster', 'opinion'] as const) {
    const wanted = answers.filter((a) => a.targetKind === kind).map((a) => a.targetId);
    const found = new Set<string>();
    for (const ids of chunks(wanted)) {
      if (kind === 'cluster') {
        const rows = await manager.find(OpinionClusterEntity, {
          where: { decisionId, round, clusterId: In(ids) },
          select: { clusterId: true },
        });
        rows.forEach((row) => found.add(row.clusterId));
      } else {
        const rows = await manager.find(OpinionEntity, {
          where: { decisionId, round, phase: 'consultation', receipt: In(ids) },
          select: { receipt: true },
        });
        rows.forEach((row) => found.add(row.receipt));
      }
    }
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length === 0) continue;
    const [first] = missing;
    throw kind === 'cluster'
      ? new DomainError(
          'CLUSTER_NOT_FOUND',
          'not_found',
          `No cluster ${first} in the current consultation round of decision ${decisionId}.`,
          { target: { cluster: first }, missing: missing.slice(0, 50) },
        )
      : new DomainError(
          'RECEIPT_NOT_FOUND',
          'not_found',
          `No opinion ${first} in the current consultation round of decision ${decisionId}.`,
          { target: { receipt: first }, missing: missing.slice(0, 50) },
        );
  }
}

/**
 * Records answers to clusters and opinions, all or none, in one transaction: each target's answer is
 * inserted or replaced, and one `AnswersRecorded` row goes to the feedback work log (who, and every
 * answer as given, so a replaced answer stays on record). Refused (nothing written) once the feedback is
 * published (FEEDBACK_PUBLISHED) or while the report is under review (FEEDBACK_UNDER_REVIEW: the
 * reviewer approves the answers they saw), for clusters before clustering (CLUSTERS_NOT_READY), and
 * for a target that is not of the decision's current round (CLUSTER_NOT_FOUND / RECEIPT_NOT_FOUND),
 * and outside the feedback stage (ILLEGAL_TRANSITION; read in the transaction that the approval's
 * projection cannot interleave with). The actor's unit is the caller's check.
 */
export async function recordAnswers(
  dataSource: DataSource,
  decisionId: string,
  answers: readonly ResolvedAnswer[],
  actor: StaffActor,
  now: Date,
): Promise<{ recorded: number; answeredAt: string }> {
  const answeredAt = now.toISOString();
  return inTransaction(dataSource, async (manager) => {
    const consultation = await feedbackRound(
      manager,
      decisionId,
      'share',
      'Answers are recorded',
      'its answers can no longer change',
    );
    if (await feedbackUnderReview(manager, decisionId)) {
      throw new DomainError(
        'FEEDBACK_UNDER_REVIEW',
        'conflict',
        'The feedback report is under review; answers change again only if the reviewer returns it.',
      );
    }
    if (!consultation.clusteredAt && answers.some((a) => a.targetKind === 'cluster')) {
      throw new DomainError(
        'CLUSTERS_NOT_READY',
        'conflict',
        'The opinions have not been clustered yet; answer single opinions or cluster first.',
      );
    }
    await assertTargetsExist(manager, decisionId, consultation.round, answers);
    const answeredBy = canonicalize({ unit: actor.unit, role: actor.role });
    for (const rows of chunks(answers)) {
      await manager.upsert(
        OpinionAnswerEntity,
        rows.map((a) => ({
          decisionId,
          targetKind: a.targetKind,
          targetId: a.targetId,
          verdict: a.verdict,
          text: a.text,
          reason: a.reason,
          templateId: a.templateId,
          answeredAt,
          answeredBy,
        })),
        { conflictPaths: ['decisionId', 'targetKind', 'targetId'] },
      );
    }
    await appendFeedbackWork(manager, {
      decisionId,
      type: 'AnswersRecorded',
      actor,
      occurredAt: answeredAt,
      data: { round: consultation.round, answers: answers.map((a) => ({ ...a })) },
    });
    return { recorded: answers.length, answeredAt };
  });
}

export interface RecordedAnswer extends ResolvedAnswer {
  answeredAt: string;
  answeredBy: { unit: string; role: string };
}

/** Every answer of a decision, clusters first, for staff. */
export async function listRecordedAnswers(dataSource: DataSource, decisionId: string): Promise<RecordedAnswer[]> {
  const rows = await dataSource.manager.find(OpinionAnswerEntity, {
    where: { decisionId },
    order: { targetKind: 'ASC', targetId: 'ASC' },
  });
  return rows.map((r) => ({
    targetKind: r.targetKind as RecordedAnswer['targetKind'],
    targetId: r.targetId,
    verdict: r.verdict as Verdict,
    text: r.text,
    reason: r.reason,
    templateId: r.templateId,
    answeredAt: r.answeredAt,
    answeredBy: JSON.parse(r.answeredBy) as RecordedAnswer['answeredBy'],
  }));
}
