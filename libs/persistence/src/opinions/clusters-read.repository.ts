import { DomainError, type Policy, type Verdict } from '../../../domain/src';
import { isStance, type Stance } from '../../../opinion-analysis/src/stance';
import type { DataSource, EntityManager } from 'typeorm';
import { OpinionAnswerEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';
import { listOpinionsForStaff, type StaffOpinion } from './opinion-intake.repository';

export type ClusterKind = 'opinions' | 'placeholder';

/** One cluster as staff work on it. */
export interface ClusterView {
  clusterId: string;
  label: string;
  /** `auto` (clustering), `merge` or `split` (staff). */
  origin: string;
  /** The position its opinions take (ADR 60): set by clustering, corrected by staff. */
  stance: Stance;
  /** `opinions`, or `placeholder`: the round's opinions that say nothing themselves, never concentrated. */
  kind: ClusterKind;
  /** When staff confirmed (or edited) the label (ADR 77); null: unconfirmed, the public never sees it. */
  labelConfirmedAt: string | null;
  size: number;
  keywords: string[];
  /** The opinion that stands for the cluster, in its de-identified form, with its moderation status. */
  representative: { receipt: string; text: string; status: string } | null;
  concentrated: boolean;
  answer: { verdict: Verdict; text: string; reason: string | null; answeredAt: string } | null;
  updatedAt: string;
}

export interface ClusterPage {
  items: ClusterView[];
  page: number;
  pageSize: number;
  total: number;
  /** Opinions of the round, and the size from which a cluster is concentrated (SPEC.md §3.4). */
  opinions: number;
  concentratedFrom: number;
}

/** The consultation of a decision whose opinions have been clustered, else CLUSTERS_NOT_READY. */
export async function clusteredRound(manager: EntityManager, decisionId: string): Promise<ConsultationEntity> {
  const window = await manager.findOneBy(ConsultationEntity, { decisionId });
  if (!window?.clusteredAt)
    throw new DomainError(
      'CLUSTERS_NOT_READY',
      'conflict',
      `The opinions of decision ${decisionId} have not been clustered (yet).`,
    );
  return window;
}

export function unknownCluster(decisionId: string, clusterId: string): DomainError {
  return new DomainError(
    'CLUSTER_NOT_FOUND',
    'not_found',
    `No cluster ${clusterId} in the current round of decision ${decisionId}.`,
    { clusterId },
  );
}

interface ClusterRow {
  clusterId: string;
  label: string;
  origin: string;
  stance: string;
  kind: string;
  labelConfirmedAt: string | null;
  size: number | string;
  keywords: string | null;
  updatedAt: string;
  representative: string | null;
  text: string | null;
  status: string | null;
  verdict: string | null;
  answerText: string | null;
  reason: string | null;
  answeredAt: string | null;
}

function clusterQuery(manager: EntityManager, decisionId: string, round: number) {
  const query = manager
    .createQueryBuilder(OpinionClusterEntity, 'c')
    .leftJoin(OpinionEntity, 'o', 'o.receipt = c.representative')
    .leftJoin(
      OpinionAnswerEntity,
      'a',
      'a.decision_id = c.decision_id AND a.target_kind = :cluster AND a.target_id = c.cluster_id',
      { cluster: 'cluster' },
    )
    .where('c.decision_id = :decisionId AND c.round = :round', { decisionId, round })
    .select('c.cluster_id', 'clusterId');
  const columns: Array<[string, keyof ClusterRow]> = [
    ['c.label', 'label'],
    ['c.origin', 'origin'],
    ['c.stance', 'stance'],
    ['c.kind', 'kind'],
    ['c.label_confirmed_at', 'labelConfirmedAt'],
    ['c.size', 'size'],
    ['c.keywords', 'keywords'],
    ['c.updated_at', 'updatedAt'],
    ['c.representative', 'representative'],
    ['o.text_public', 'text'],
    ['o.status', 'status'],
    ['a.verdict', 'verdict'],
    ['a.text', 'answerText'],
    ['a.reason', 'reason'],
    ['a.answered_at', 'answeredAt'],
  ];
  for (const [column, alias] of columns) query.addSelect(column, alias);
  return query;
}

function toView(row: ClusterRow, concentratedFrom: number): ClusterView {
  const size = Number(row.size);
  return {
    clusterId: row.clusterId,
    label: row.label,
    origin: row.origin,
    stance: isStance(row.stance) ? row.stance : 'none',
    kind: row.kind === 'placeholder' ? 'placeholder' : 'opinions',
    labelConfirmedAt: row.labelConfirmedAt ?? null,
    size,
    keywords: row.keywords ? (JSON.parse(row.keywords) as string[]) : [],
    representative:
      row.representative && row.text !== null
        ? { receipt: row.representative, text: row.text, status: row.status ?? 'published' }
        : null,
    concentrated: row.kind !== 'placeholder' && size >= concentratedFrom,
    answer: row.verdict
      ? {
          verdict: row.verdict as Verdict,
          text: row.answerText ?? '',
          reason: row.reason,
          answeredAt: row.answeredAt ?? '',
        }
      : null,
    updatedAt: row.updatedAt,
  };
}

/** Opinions of the round (the sum of its cluster sizes) and the concentration threshold over them. */
async function threshold(
  manager: EntityManager,
  decisionId: string,
  round: number,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
): Promise<{ opinions: number; from: number }> {
  const raw = await manager
    .createQueryBuilder(OpinionClusterEntity, 'c')
    .select('COALESCE(SUM(c.size), 0)', 'n')
    .where('c.decision_id = :decisionId AND c.round = :round', { decisionId, round })
    .getRawOne<{ n: string | number }>();
  const opinions = Number(raw?.n ?? 0);
  return {
    opinions,
    from: Math.max(1, Math.ceil(Math.max(policy.concentratedMin, policy.concentratedShare * opinions))),
  };
}

/** The clusters of the current round, largest first; `concentrated` keeps only (or only not) concentrated ones. */
export async function listClusters(
  dataSource: DataSource,
  decisionId: string,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
  filter: { page: number; pageSize: number; concentrated?: boolean },
): Promise<ClusterPage> {
  const manager = dataSource.manager;
  const window = await clusteredRound(manager, decisionId);
  const { opinions, from } = await threshold(manager, decisionId, window.round, policy);
  const query = clusterQuery(manager, decisionId, window.round);
  if (filter.concentrated !== undefined)
    query.andWhere(
      filter.concentrated
        ? "c.size >= :from AND c.kind <> 'placeholder'"
        : "(c.size < :from OR c.kind = 'placeholder')",
      { from },
    );
  const total = await query.clone().getCount();
  const rows = await query
    .orderBy('c.size', 'DESC')
    .addOrderBy('c.cluster_id', 'ASC')
    .offset((filter.page - 1) * filter.pageSize)
    .limit(filter.pageSize)
    .getRawMany<ClusterRow>();
  return {
    items: rows.map((row) => toView(row, from)),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    opinions,
    concentratedFrom: from,
  };
}

/** One cluster of the current round as staff see it, or CLUSTER_NOT_FOUND. */
export async function findCluster(
  manager: EntityManager,
  decisionId: string,
  round: number,
  clusterId: string,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
): Promise<ClusterView> {
  const row = await clusterQuery(manager, decisionId, round)
    .andWhere('c.cluster_id = :clusterId', { clusterId })
    .getRawOne<ClusterRow>();
  if (!row) throw unknownCluster(decisionId, clusterId);
  return toView(row, (await threshold(manager, decisionId, round, policy)).from);
}

/** The opinions of one cluster with their raw text and contact, oldest first: for staff only. */
export async function listClusterOpinions(
  dataSource: DataSource,
  decisionId: string,
  clusterId: string,
  page: number,
  pageSize: number,
): Promise<{ items: StaffOpinion[]; page: number; pageSize: number; total: number }> {
  const window = await clusteredRound(dataSource.manager, decisionId);
  if (!(await dataSource.manager.existsBy(OpinionClusterEntity, { decisionId, clusterId, round: window.round })))
    throw unknownCluster(decisionId, clusterId);
  return { ...(await listOpinionsForStaff(dataSource, decisionId, page, pageSize, { clusterId })), page, pageSize };
}
