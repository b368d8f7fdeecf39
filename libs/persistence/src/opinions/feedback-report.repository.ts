import {
  assertLabelsConfirmed,
  DomainError,
  VERDICTS,
  type Policy,
  type ReportCluster,
  type Verdict,
} from '../../../domain/src';
import { isConcentrated } from '../../../opinion-analysis/src';
import { In, IsNull, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { OpinionAnswerEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';

/** The facts of the feedback report, computed from the database (never taken from the client). */
export interface FeedbackStatistics {
  /** The consultation round the report is about (0: the decision has no consultation). */
  round: number;
  /** As frozen by the seal: opinions of the round received before the close time. */
  received: number;
  /** Published / withheld by reason as moderated now (moderation may continue after the seal). */
  published: number;
  withheld: Record<string, number>;
  byChannel: Record<string, number>;
  clusters: number;
  /** Opinions by the verdict that answers them: their own answer, else their cluster's. */
  answered: Record<Verdict, number>;
  unanswered: number;
}

/** Opinions of the round that the seal counted (the same filter as `sealConsultation`). */
function roundOpinions(dataSource: DataSource, window: ConsultationEntity): SelectQueryBuilder<OpinionEntity> {
  return dataSource.manager
    .createQueryBuilder(OpinionEntity, 'o')
    .where('o.decision_id = :decisionId AND o.phase = :phase AND o.round = :round AND o.received_at < :closesAt', {
      decisionId: window.decisionId,
      phase: 'consultation',
      round: window.round,
      closesAt: window.closesAt,
    });
}

function emptyStatistics(round: number): FeedbackStatistics {
  const answered = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  return { round, received: 0, published: 0, withheld: {}, byChannel: {}, clusters: 0, answered, unanswered: 0 };
}

/**
 * Counts of the decision's current consultation round for the feedback report, in two aggregate
 * queries (one pass over the round's opinions with two index lookups per row for the answers; the
 * database streams, nothing is loaded row by row), so it stays cheap for a million opinions.
 */
export async function feedbackStatistics(dataSource: DataSource, decisionId: string): Promise<FeedbackStatistics> {
  const window = await dataSource.manager.findOneBy(ConsultationEntity, { decisionId });
  if (!window) return emptyStatistics(0);
  const verdict = 'COALESCE(oa.verdict, ca.verdict)';
  const rows: Array<{
    status: string;
    reason: string | null;
    channel: string;
    verdict: string | null;
    n: string | number;
  }> = await roundOpinions(dataSource, window)
    .leftJoin(
      OpinionAnswerEntity,
      'oa',
      'oa.decision_id = o.decision_id AND oa.target_kind = :opinionKind AND oa.target_id = o.receipt',
      { opinionKind: 'opinion' },
    )
    .leftJoin(
      OpinionAnswerEntity,
      'ca',
      'ca.decision_id = o.decision_id AND ca.target_kind = :clusterKind AND ca.target_id = o.cluster_id',
      { clusterKind: 'cluster' },
    )
    .select('o.status', 'status')
    .addSelect('o.withheld_reason', 'reason')
    .addSelect('o.channel', 'channel')
    .addSelect(verdict, 'verdict')
    .addSelect('COUNT(*)', 'n')
    .groupBy('o.status')
    .addGroupBy('o.withheld_reason')
    .addGroupBy('o.channel')
    .addGroupBy(verdict)
    .getRawMany();
  const stats = emptyStatistics(window.round);
  for (const row of rows) {
    const n = Number(row.n);
    stats.received += n;
    stats.byChannel[row.channel] = (stats.byChannel[row.channel] ?? 0) + n;
    if (row.status === 'withheld')
      stats.withheld[row.reason ?? 'other'] = (stats.withheld[row.reason ?? 'other'] ?? 0) + n;
    else stats.published += n;
    if (row.verdict && row.verdict in stats.answered) stats.answered[row.verdict as Verdict] += n;
    else stats.unanswered += n;
  }
  stats.clusters = await dataSource.manager.countBy(OpinionClusterEntity, { decisionId, round: window.round });
  return stats;
}

/** The public report shows an excerpt of the representative opinion, bounded like the workflow payload must be. */
const EXCERPT_CHARS = 1000;
const excerpt = (text: string): string =>
  [...text].length > EXCERPT_CHARS ? `${[...text].slice(0, EXCERPT_CHARS).join('')}…` : text;

/**
 * The concentrated clusters of the current round (`isConcentrated` on the live number of opinions in
 * each cluster and in the round; the placeholder category never is: ADR 60), largest first, each with its label, the representative opinion's
 * de-identified text (null when that opinion is withheld) and its answer.
 */
export async function concentratedClusters(
  dataSource: DataSource,
  decisionId: string,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
): Promise<ReportCluster[]> {
  const window = await dataSource.manager.findOneBy(ConsultationEntity, { decisionId });
  if (!window) return [];
  const total = await roundOpinions(dataSource, window).getCount();
  const threshold = Math.max(1, Math.ceil(Math.max(policy.concentratedMin, policy.concentratedShare * total)));
  const sizes: Array<{ clusterId: string; n: string | number }> = await roundOpinions(dataSource, window)
    .andWhere('o.cluster_id IS NOT NULL')
    .select('o.cluster_id', 'clusterId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('o.cluster_id')
    .having('COUNT(*) >= :threshold', { threshold })
    .getRawMany();
  const concentrated = sizes
    .map((s) => ({ clusterId: s.clusterId, size: Number(s.n) }))
    .filter((s) => isConcentrated(s.size, total, policy));
  if (concentrated.length === 0) return [];
  const ids = concentrated.map((c) => c.clusterId);
  const clusters = new Map(
    (await dataSource.manager.findBy(OpinionClusterEntity, { decisionId, clusterId: In(ids) })).map((c) => [
      c.clusterId,
      c,
    ]),
  );
  const answers = new Map(
    (
      await dataSource.manager.findBy(OpinionAnswerEntity, { decisionId, targetKind: 'cluster', targetId: In(ids) })
    ).map((a) => [a.targetId, a]),
  );
  const receipts = [...clusters.values()].map((c) => c.representative).filter((r): r is string => r !== null);
  const representatives = new Map(
    receipts.length === 0
      ? []
      : (
          await dataSource.manager.find(OpinionEntity, {
            where: { decisionId, receipt: In(receipts) },
            select: { receipt: true, status: true, textPublic: true },
          })
        ).map((o) => [o.receipt, o]),
  );
  return concentrated
    .filter((c) => clusters.has(c.clusterId) && clusters.get(c.clusterId)!.kind !== 'placeholder')
    .sort((a, b) => b.size - a.size || a.clusterId.localeCompare(b.clusterId))
    .map(({ clusterId, size }) => {
      const cluster = clusters.get(clusterId)!;
      const representative = cluster.representative ? representatives.get(cluster.representative) : undefined;
      const answer = answers.get(clusterId);
      return {
        clusterId,
        label: cluster.label,
        size,
        concentrated: true,
        representativeText: representative?.status === 'published' ? excerpt(representative.textPublic) : null,
        answer: answer ? { verdict: answer.verdict as Verdict, text: answer.text, reason: answer.reason } : null,
      };
    });
}

/**
 * The labels of the round's clusters the public would see unconfirmed (ADR 77): every cluster but the
 * placeholder category (its name is fixed, not read from the opinions), first by id.
 */
async function assertRoundLabelsConfirmed(dataSource: DataSource, window: ConsultationEntity): Promise<void> {
  const unconfirmed = await dataSource.manager.find(OpinionClusterEntity, {
    where: { decisionId: window.decisionId, round: window.round, labelConfirmedAt: IsNull(), kind: 'opinions' },
    select: { clusterId: true, label: true },
    order: { clusterId: 'ASC' },
  });
  assertLabelsConfirmed(unconfirmed.map((c) => ({ clusterId: c.clusterId, label: c.label, labelConfirmed: false })));
}

/**
 * What the gateway puts into a feedback-report command in place of the client's: statistics and the
 * concentrated clusters. A round with opinions must be clustered first (CLUSTERS_NOT_READY); a round
 * without any has nothing to cluster. Every cluster's label must be confirmed by staff
 * (CLUSTER_LABEL_UNCONFIRMED).
 */
export async function feedbackReportFacts(
  dataSource: DataSource,
  decisionId: string,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
): Promise<{ statistics: FeedbackStatistics; clusters: ReportCluster[] }> {
  const statistics = await feedbackStatistics(dataSource, decisionId);
  const window = await dataSource.manager.findOneBy(ConsultationEntity, { decisionId });
  if (statistics.received > 0 && !window?.clusteredAt) {
    throw new DomainError(
      'CLUSTERS_NOT_READY',
      'conflict',
      `The ${statistics.received} opinions of this consultation have not been clustered yet; cluster and answer them before the report.`,
    );
  }
  if (window) await assertRoundLabelsConfirmed(dataSource, window);
  return { statistics, clusters: await concentratedClusters(dataSource, decisionId, policy) };
}
