import { canonicalize, DomainError } from '../../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import { FeedbackWorkLogEntity, OpinionClusterEntity } from '../entities/feedback.entity';
import { ConsultationEntity } from '../entities/opinion.entity';
import { inTransaction } from '../transaction';

/**
 * The write side of a clustering run (see `clusterOpinions`). A run is identified by the id of the
 * `ClusteringStarted` row it appended to the feedback work log; every later write transaction first
 * checks that this is still the latest start of the decision, so an older attempt that lingers (an
 * activity retried after a heartbeat timeout) stops at its next batch instead of overwriting a newer one.
 * On PostgreSQL the start takes the consultation row FOR UPDATE and each batch FOR SHARE, so a start
 * waits for a batch in flight and the batch after it sees the new start; SQLite has one writer anyway.
 */

export interface ClusteringRun {
  decisionId: string;
  round: number;
  id: number;
}

/** The work log's actor for what the system does on its own (never a staff member). */
export const SYSTEM_WORK_ACTOR = canonicalize({ accountId: 'system', unit: 'system', role: 'system' });
const ROWS_PER_STATEMENT = 2500;

async function lockConsultation(
  manager: EntityManager,
  decisionId: string,
  mode: 'pessimistic_read' | 'pessimistic_write',
): Promise<ConsultationEntity | null> {
  const query = manager
    .createQueryBuilder(ConsultationEntity, 'c')
    .where('c.decision_id = :decisionId', { decisionId });
  if (manager.connection.options.type === 'postgres') query.setLock(mode);
  return query.getOne();
}

/** Whether any answer targets a cluster or an opinion of the round. */
async function roundIsAnswered(manager: EntityManager, decisionId: string, round: number): Promise<boolean> {
  const clusters = await manager.query<unknown[]>(
    `SELECT 1 FROM opinion_answers a JOIN opinion_clusters c ON c.decision_id = a.decision_id AND c.cluster_id = a.target_id
     WHERE a.decision_id = ${param(manager, 1)} AND a.target_kind = 'cluster' AND c.round = ${param(manager, 2)} LIMIT 1`,
    [decisionId, round],
  );
  if (clusters.length > 0) return true;
  const opinions = await manager.query<unknown[]>(
    `SELECT 1 FROM opinion_answers a JOIN opinions o ON o.receipt = a.target_id
     WHERE a.decision_id = ${param(manager, 1)} AND a.target_kind = 'opinion' AND o.phase = 'consultation' AND o.round = ${param(manager, 2)} LIMIT 1`,
    [decisionId, round],
  );
  return opinions.length > 0;
}

/** The n-th (1-based) bound parameter in the dialect of `manager`. */
export function param(manager: EntityManager | DataSource, n: number): string {
  const type = 'connection' in manager ? manager.connection.options.type : manager.options.type;
  return type === 'postgres' ? `$${n}` : '?';
}

/**
 * Starts a run: refuses when the consultation is not sealed (CONSULTATION_NOT_SEALED), the feedback is
 * published (FEEDBACK_PUBLISHED) or anything of the round is answered (CLUSTERS_ANSWERED); otherwise
 * appends `ClusteringStarted` and clears `clustered_at`, so staff and answers see "not ready" until the
 * run's final switch.
 */
export function startRun(dataSource: DataSource, decisionId: string, now: Date): Promise<ClusteringRun> {
  return inTransaction(dataSource, async (manager) => {
    const window = await lockConsultation(manager, decisionId, 'pessimistic_write');
    if (!window || window.status !== 'sealed') {
      throw new DomainError(
        'CONSULTATION_NOT_SEALED',
        'conflict',
        `Decision ${decisionId} has no sealed consultation to cluster.`,
      );
    }
    if (window.feedbackPublishedAt) {
      throw new DomainError(
        'FEEDBACK_PUBLISHED',
        'conflict',
        `The feedback was published at ${window.feedbackPublishedAt}; the clusters are final.`,
      );
    }
    if (await roundIsAnswered(manager, decisionId, window.round)) {
      throw new DomainError(
        'CLUSTERS_ANSWERED',
        'conflict',
        `Round ${window.round} of decision ${decisionId} already has answers; clustering again would orphan them.`,
      );
    }
    const inserted = await manager.insert(FeedbackWorkLogEntity, {
      decisionId,
      occurredAt: now.toISOString(),
      actor: SYSTEM_WORK_ACTOR,
      type: 'ClusteringStarted',
      data: canonicalize({ round: window.round }),
    });
    await manager.update(ConsultationEntity, { decisionId }, { clusteredAt: null });
    return { decisionId, round: window.round, id: Number((inserted.identifiers[0] as { id: number | string }).id) };
  });
}

/** Runs `work` in a transaction after checking that `run` is still the decision's latest run. */
export function inRun<T>(
  dataSource: DataSource,
  run: ClusteringRun,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return inTransaction(dataSource, async (manager) => {
    await lockConsultation(manager, run.decisionId, 'pessimistic_read');
    const [latest] = await manager.query<Array<{ id: number | string | null }>>(
      `SELECT MAX(id) AS id FROM feedback_work_log WHERE decision_id = ${param(manager, 1)} AND type = 'ClusteringStarted'`,
      [run.decisionId],
    );
    if (Number(latest?.id) !== run.id) {
      throw new DomainError(
        'CLUSTERING_SUPERSEDED',
        'conflict',
        `A newer clustering run of decision ${run.decisionId} started; this one (${run.id}) stops.`,
      );
    }
    return work(manager);
  });
}

/** Deletes the round's cluster rows, a bounded batch per transaction. */
export async function deleteRoundClusters(dataSource: DataSource, run: ClusteringRun, batch: number): Promise<void> {
  for (;;) {
    const deleted = await inRun(dataSource, run, async (manager) => {
      const ids = (
        await manager.find(OpinionClusterEntity, {
          where: { decisionId: run.decisionId, round: run.round },
          select: { clusterId: true },
          take: batch,
        })
      ).map((c) => c.clusterId);
      if (ids.length > 0)
        await manager
          .createQueryBuilder()
          .delete()
          .from(OpinionClusterEntity)
          .where('decision_id = :decisionId AND cluster_id IN (:...ids)', { decisionId: run.decisionId, ids })
          .execute();
      return ids.length;
    });
    if (deleted < batch) return;
  }
}

/** Sets `cluster_id` of the given opinions (receipt → cluster id), in statements of 2,500 rows (5,000 parameters). */
export async function writeClusterIds(manager: EntityManager, assignments: Array<[string, string]>): Promise<void> {
  for (let from = 0; from < assignments.length; from += ROWS_PER_STATEMENT) {
    const rows = assignments.slice(from, from + ROWS_PER_STATEMENT);
    const values = rows.map((_, i) => `(${param(manager, 2 * i + 1)}, ${param(manager, 2 * i + 2)})`).join(', ');
    // One statement for both dialects (SQLite ≥ 3.33 has UPDATE … FROM); unchanged rows are not rewritten.
    await manager.query(
      `WITH v(r, c) AS (VALUES ${values})
       UPDATE opinions SET cluster_id = v.c FROM v WHERE opinions.receipt = v.r AND (opinions.cluster_id IS NULL OR opinions.cluster_id <> v.c)`,
      rows.flat(),
    );
  }
}

/** The final switch: `clustered_at` and the `ClustersComputed` work-log row, in one transaction. */
export function finishRun(
  dataSource: DataSource,
  run: ClusteringRun,
  now: Date,
  summary: Record<string, unknown>,
): Promise<void> {
  return inRun(dataSource, run, async (manager) => {
    await manager.update(ConsultationEntity, { decisionId: run.decisionId }, { clusteredAt: now.toISOString() });
    await manager.insert(FeedbackWorkLogEntity, {
      decisionId: run.decisionId,
      occurredAt: now.toISOString(),
      actor: SYSTEM_WORK_ACTOR,
      type: 'ClustersComputed',
      data: canonicalize({ ...summary, run: run.id }),
    });
  });
}
