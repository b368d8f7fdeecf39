import {
  DomainError,
  InvalidCommandError,
  mergedKeywords,
  mergeTarget,
  type Policy,
  type StaffActor,
} from '../../../domain/src';
import type { Stance } from '../../../opinion-analysis/src/stance';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { OpinionAnswerEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { OpinionEntity, type ConsultationEntity } from '../entities/opinion.entity';
import { inTransaction } from '../transaction';
import { param } from './clustering-run';
import { findCluster, unknownCluster, type ClusterView } from './clusters-read.repository';
import { feedbackRound } from './feedback-round';
import { appendFeedbackWork } from './feedback-work-log';

/**
 * Staff's edits of the clusters (SPEC.md §3.4): merge, split, relabel, confirm a label. Each is one transaction that keeps
 * `opinions.cluster_id` and the cluster rows' sizes in step and appends its row to the feedback work
 * log. A cluster with an answer is neither merged nor split (CLUSTER_ANSWERED): the answer was given to
 * the opinions it held. Relabelling changes no membership and is allowed.
 */

type Concentration = Pick<Policy, 'concentratedMin' | 'concentratedShare'>;
const IN_CHUNK = 500;

/**
 * The round being edited (FOR UPDATE: edits, answers and clustering runs of a decision queue up behind
 * each other), once its opinions are clustered.
 */
async function editableRound(manager: EntityManager, decisionId: string): Promise<ConsultationEntity> {
  const window = await feedbackRound(manager, decisionId, 'update', 'Clusters are edited', 'its clusters are final');
  if (!window.clusteredAt)
    throw new DomainError(
      'CLUSTERS_NOT_READY',
      'conflict',
      `The opinions of decision ${decisionId} are not clustered (yet).`,
    );
  return window;
}

/** The named clusters of the round, in the order named (CLUSTER_NOT_FOUND for the first missing one). */
async function clustersOf(
  manager: EntityManager,
  decisionId: string,
  round: number,
  clusterIds: string[],
): Promise<OpinionClusterEntity[]> {
  const rows = new Map(
    (await manager.findBy(OpinionClusterEntity, { decisionId, round, clusterId: In(clusterIds) })).map((row) => [
      row.clusterId,
      row,
    ]),
  );
  return clusterIds.map((id) => {
    const row = rows.get(id);
    if (!row) throw unknownCluster(decisionId, id);
    return row;
  });
}

async function assertUnanswered(manager: EntityManager, decisionId: string, clusterIds: string[]): Promise<void> {
  const answered = (
    await manager.findBy(OpinionAnswerEntity, { decisionId, targetKind: 'cluster', targetId: In(clusterIds) })
  ).map((a) => a.targetId);
  if (answered.length > 0) {
    throw new DomainError(
      'CLUSTER_ANSWERED',
      'conflict',
      `Cluster ${answered.join(', ')} already has an answer; change or remove the answer's scope before regrouping its opinions.`,
      { clusterIds: answered },
    );
  }
}

const keywordsOf = (row: OpinionClusterEntity): string[] =>
  row.keywords ? (JSON.parse(row.keywords) as string[]) : [];

/** Merges clusters into the largest of them (its id stays; origin `merge`); the others are removed. */
export function mergeClusters(
  dataSource: DataSource,
  decisionId: string,
  command: { clusterIds: string[]; label?: string },
  actor: StaffActor,
  now: Date,
  policy: Concentration,
): Promise<ClusterView> {
  return inTransaction(dataSource, async (manager) => {
    const { round } = await editableRound(manager, decisionId);
    const clusters = await clustersOf(manager, decisionId, round, command.clusterIds);
    await assertUnanswered(manager, decisionId, command.clusterIds);
    const target = mergeTarget(clusters);
    const others = clusters.filter((c) => c !== target);
    const merged = others.map((c) => c.clusterId);
    await manager
      .createQueryBuilder()
      .update(OpinionEntity)
      .set({ clusterId: target.clusterId })
      .where('decision_id = :decisionId AND cluster_id IN (:...merged)', { decisionId, merged })
      .execute();
    await manager.delete(OpinionClusterEntity, { decisionId, clusterId: In(merged) });
    const size = clusters.reduce((sum, c) => sum + c.size, 0);
    const label = command.label ?? target.label;
    const at = now.toISOString();
    // A label staff give is confirmed; without one the kept cluster keeps its label and its confirmation.
    const labelConfirmedAt = command.label !== undefined ? at : target.labelConfirmedAt;
    const keywords = mergedKeywords([target, ...others].map(keywordsOf));
    await manager.update(
      OpinionClusterEntity,
      { decisionId, clusterId: target.clusterId },
      { size, origin: 'merge', label, labelConfirmedAt, keywords: JSON.stringify(keywords), updatedAt: at },
    );
    await appendFeedbackWork(manager, {
      decisionId,
      type: 'ClustersMerged',
      actor,
      occurredAt: at,
      data: { round, into: target.clusterId, merged, size, label },
    });
    return findCluster(manager, decisionId, round, target.clusterId, policy);
  });
}

/** The first opinion (by receipt time) of a cluster: its representative. */
async function firstMember(manager: EntityManager, decisionId: string, clusterId: string): Promise<string | null> {
  const row = await manager.findOne(OpinionEntity, {
    where: { decisionId, clusterId },
    select: { receipt: true },
    order: { receivedAt: 'ASC', receipt: 'ASC' },
  });
  return row?.receipt ?? null;
}

/** A new id that no cluster of the decision ever had: `r<round>-s<k>`, k counting the decision's splits. */
async function splitClusterId(manager: EntityManager, decisionId: string, round: number): Promise<string> {
  const [row] = await manager.query<Array<{ n: string | number }>>(
    `SELECT COUNT(*) AS n FROM feedback_work_log WHERE decision_id = ${param(manager, 1)} AND type = 'ClusterSplit'`,
    [decisionId],
  );
  return `r${round}-s${Number(row?.n ?? 0) + 1}`;
}

/**
 * Moves opinions of a cluster to a new cluster (origin `split`) with the given label. Every receipt
 * must be in the cluster (RECEIPTS_NOT_IN_CLUSTER), and at least one opinion must stay (SPLIT_TAKES_ALL).
 */
export function splitCluster(
  dataSource: DataSource,
  decisionId: string,
  command: { clusterId: string; receipts: string[]; label: string },
  actor: StaffActor,
  now: Date,
  policy: Concentration,
): Promise<{ from: ClusterView; into: ClusterView }> {
  return inTransaction(dataSource, async (manager) => {
    const { round } = await editableRound(manager, decisionId);
    const [cluster] = await clustersOf(manager, decisionId, round, [command.clusterId]);
    await assertUnanswered(manager, decisionId, [command.clusterId]);
    const members = new Set<string>();
    for (let i = 0; i < command.receipts.length; i += IN_CHUNK) {
      const rows = await manager.find(OpinionEntity, {
        where: { decisionId, clusterId: command.clusterId, receipt: In(command.receipts.slice(i, i + IN_CHUNK)) },
        select: { receipt: true },
      });
      rows.forEach((row) => members.add(row.receipt));
    }
    const missing = command.receipts.filter((receipt) => !members.has(receipt));
    if (missing.length > 0) {
      throw new DomainError(
        'RECEIPTS_NOT_IN_CLUSTER',
        'invalid',
        `${missing.length} of the receipts are not in cluster ${command.clusterId}, e.g. ${missing[0]}.`,
        { missing: missing.slice(0, 50) },
      );
    }
    if (command.receipts.length >= cluster!.size) {
      throw new DomainError(
        'SPLIT_TAKES_ALL',
        'invalid',
        `A split leaves at least one opinion in cluster ${command.clusterId}; relabel it instead.`,
      );
    }
    const into = await splitClusterId(manager, decisionId, round);
    for (let i = 0; i < command.receipts.length; i += IN_CHUNK) {
      await manager.update(
        OpinionEntity,
        { decisionId, clusterId: command.clusterId, receipt: In(command.receipts.slice(i, i + IN_CHUNK)) },
        { clusterId: into },
      );
    }
    const at = now.toISOString();
    const moved = command.receipts.length;
    await manager.insert(OpinionClusterEntity, {
      decisionId,
      clusterId: into,
      round,
      label: command.label,
      labelConfirmedAt: at,
      origin: 'split',
      size: moved,
      representative: await firstMember(manager, decisionId, into),
      keywords: '[]',
      createdAt: at,
      updatedAt: at,
    });
    const representative =
      cluster!.representative && members.has(cluster!.representative)
        ? await firstMember(manager, decisionId, command.clusterId)
        : cluster!.representative;
    await manager.update(
      OpinionClusterEntity,
      { decisionId, clusterId: command.clusterId },
      { size: cluster!.size - moved, representative, updatedAt: at },
    );
    await appendFeedbackWork(manager, {
      decisionId,
      type: 'ClusterSplit',
      actor,
      occurredAt: at,
      data: { round, from: command.clusterId, into, receipts: command.receipts, label: command.label },
    });
    return {
      from: await findCluster(manager, decisionId, round, command.clusterId, policy),
      into: await findCluster(manager, decisionId, round, into, policy),
    };
  });
}

/**
 * Gives a cluster a new label, a corrected stance (ADR 60), or both — answered or not: membership does not
 * change. A new label is confirmed by being given (ADR 77). One transaction; a `ClusterRelabeled` and/or
 * `ClusterStanceCorrected` row in the work log.
 */
export function relabelCluster(
  dataSource: DataSource,
  decisionId: string,
  command: { clusterId: string; label?: string; stance?: Stance },
  actor: StaffActor,
  now: Date,
  policy: Concentration,
): Promise<ClusterView> {
  if (command.label === undefined && command.stance === undefined)
    throw new InvalidCommandError('INVALID_LABEL', 'A relabel names a new label, a stance, or both.');
  return inTransaction(dataSource, async (manager) => {
    const { round } = await editableRound(manager, decisionId);
    const [cluster] = await clustersOf(manager, decisionId, round, [command.clusterId]);
    const at = now.toISOString();
    await manager.update(
      OpinionClusterEntity,
      { decisionId, clusterId: command.clusterId },
      {
        ...(command.label !== undefined ? { label: command.label, labelConfirmedAt: at } : {}),
        ...(command.stance !== undefined ? { stance: command.stance } : {}),
        updatedAt: at,
      },
    );
    if (command.label !== undefined)
      await appendFeedbackWork(manager, {
        decisionId,
        type: 'ClusterRelabeled',
        actor,
        occurredAt: at,
        data: { round, clusterId: command.clusterId, from: cluster!.label, to: command.label },
      });
    if (command.stance !== undefined)
      await appendFeedbackWork(manager, {
        decisionId,
        type: 'ClusterStanceCorrected',
        actor,
        occurredAt: at,
        data: { round, clusterId: command.clusterId, from: cluster!.stance, to: command.stance },
      });
    return findCluster(manager, decisionId, round, command.clusterId, policy);
  });
}

/** Corrects the stance recorded on a cluster (ADR 60): `relabelCluster` with a stance only. */
export function correctClusterStance(
  dataSource: DataSource,
  decisionId: string,
  command: { clusterId: string; stance: Stance },
  actor: StaffActor,
  now: Date,
  policy: Concentration,
): Promise<ClusterView> {
  return relabelCluster(dataSource, decisionId, command, actor, now, policy);
}

/**
 * Confirms a cluster's label as the public will see it (ADR 77), or edits it: a `label` other than the
 * current one is written and confirmed at once (a `ClusterRelabeled` row, as a relabel); otherwise the
 * current label is confirmed (a `ClusterLabelConfirmed` row). Confirming again re-dates the confirmation;
 * answered clusters may be confirmed; after the report is published nothing changes (FEEDBACK_PUBLISHED).
 */
export function confirmClusterLabel(
  dataSource: DataSource,
  decisionId: string,
  command: { clusterId: string; label?: string },
  actor: StaffActor,
  now: Date,
  policy: Concentration,
): Promise<ClusterView> {
  return inTransaction(dataSource, async (manager) => {
    const { round } = await editableRound(manager, decisionId);
    const [cluster] = await clustersOf(manager, decisionId, round, [command.clusterId]);
    const from = cluster!.label;
    const label = command.label ?? from;
    const at = now.toISOString();
    await manager.update(
      OpinionClusterEntity,
      { decisionId, clusterId: command.clusterId },
      { label, labelConfirmedAt: at, updatedAt: at },
    );
    await appendFeedbackWork(manager, {
      decisionId,
      type: label === from ? 'ClusterLabelConfirmed' : 'ClusterRelabeled',
      actor,
      occurredAt: at,
      data:
        label === from
          ? { round, clusterId: command.clusterId, label }
          : { round, clusterId: command.clusterId, from, to: label },
    });
    return findCluster(manager, decisionId, round, command.clusterId, policy);
  });
}
