import type { Verdict } from '../../../domain/src';
import type { DataSource } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { OpinionAnswerEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';
import { PublicEventEntity } from '../entities/public-event.entity';

/** The published feedback report: the data of the decision's latest FeedbackPublished log entry. */
export interface PublishedFeedback {
  decisionId: string;
  /** Where it stands in the public log, so a reader can check it against the verified chain. */
  seq: number;
  hash: string;
  publishedAt: string;
  report: Record<string, unknown>;
}

/** `decision`: unknown or not public (indistinguishable by design); `feedback`: not published yet. */
export type FeedbackLookup =
  | { found: true; feedback: PublishedFeedback }
  | { found: false; missing: 'decision' | 'feedback' };

export async function findPublishedFeedback(dataSource: DataSource, decisionId: string): Promise<FeedbackLookup> {
  if (!(await dataSource.manager.existsBy(DecisionEntity, { id: decisionId, publicVisible: true })))
    return { found: false, missing: 'decision' };
  const entry = await dataSource.manager.findOne(PublicEventEntity, {
    where: { decisionId, type: 'FeedbackPublished' },
    order: { seq: 'DESC' },
  });
  if (!entry) return { found: false, missing: 'feedback' };
  return {
    found: true,
    feedback: {
      decisionId,
      seq: entry.seq,
      hash: entry.hash,
      publishedAt: entry.occurredAt,
      report: JSON.parse(entry.data) as Record<string, unknown>,
    },
  };
}

export interface ReceiptAnswer {
  verdict: Verdict;
  text: string;
  reason: string | null;
  /** `opinion`: answered on its own; `cluster`: the answer of the cluster it belongs to. */
  scope: 'opinion' | 'cluster';
  /** The cluster with its label as staff confirmed it (ADR 77); `label` is null while unconfirmed. */
  cluster: { clusterId: string; label: string | null } | null;
}

/** What the public sees of one opinion by its receipt: never its text or contact. */
export interface ReceiptView {
  receipt: string;
  decisionId: string;
  channel: string;
  receivedAt: string;
  status: 'published' | 'withheld' | 'answered';
  answer?: ReceiptAnswer;
}

/**
 * Receipt lookup with the answer, once the feedback of the opinion's round is published (the current
 * round's `feedback_published_at`, or any earlier round: a later round only opens after it). The
 * opinion's own answer comes first, else its cluster's. Before publication no answer shows.
 */
export async function lookupReceipt(dataSource: DataSource, receipt: string): Promise<ReceiptView | undefined> {
  const opinion = await dataSource.manager.findOne(OpinionEntity, {
    where: { receipt },
    select: {
      receipt: true,
      decisionId: true,
      channel: true,
      receivedAt: true,
      status: true,
      phase: true,
      round: true,
      clusterId: true,
    },
  });
  if (!opinion) return undefined;
  const view: ReceiptView = {
    receipt,
    decisionId: opinion.decisionId,
    channel: opinion.channel,
    receivedAt: opinion.receivedAt,
    status: opinion.status as 'published' | 'withheld',
  };
  const window = await dataSource.manager.findOneBy(ConsultationEntity, { decisionId: opinion.decisionId });
  const published =
    opinion.phase === 'consultation' &&
    window !== null &&
    (opinion.round < window.round || window.feedbackPublishedAt !== null);
  if (!published) return view;
  const { decisionId, clusterId } = opinion;
  const own = await dataSource.manager.findOneBy(OpinionAnswerEntity, {
    decisionId,
    targetKind: 'opinion',
    targetId: receipt,
  });
  const ofCluster =
    !own && clusterId
      ? await dataSource.manager.findOneBy(OpinionAnswerEntity, {
          decisionId,
          targetKind: 'cluster',
          targetId: clusterId,
        })
      : null;
  const answer = own ?? ofCluster;
  if (!answer) return view;
  const cluster = clusterId
    ? await dataSource.manager.findOne(OpinionClusterEntity, {
        where: { decisionId, clusterId },
        select: { clusterId: true, label: true, kind: true, labelConfirmedAt: true },
      })
    : null;
  // Only a confirmed label is public; the placeholder category's fixed name needs no confirmation.
  const label = cluster && (cluster.labelConfirmedAt !== null || cluster.kind === 'placeholder') ? cluster.label : null;
  return {
    ...view,
    status: 'answered',
    answer: {
      verdict: answer.verdict as Verdict,
      text: answer.text,
      reason: answer.reason,
      scope: own ? 'opinion' : 'cluster',
      cluster: cluster ? { clusterId: cluster.clusterId, label } : null,
    },
  };
}
