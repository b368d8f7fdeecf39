import { DomainError, type Policy } from '../../../domain/src';
import { isConcentrated, OpinionClusterer, type Clustering } from '../../../opinion-analysis/src';
import type { DataSource } from 'typeorm';
import { OpinionClusterEntity } from '../entities/feedback.entity';
import {
  deleteRoundClusters,
  finishRun,
  inRun,
  param,
  startRun,
  writeClusterIds,
  type ClusteringRun,
} from './clustering-run';

/** What a clustering run found and wrote. */
export interface ClusteringSummary {
  decisionId: string;
  round: number;
  opinions: number;
  clusters: number;
  /** Clusters that are concentrated under the policy (SPEC.md §3.4) over all opinions of the round. */
  concentrated: number;
  /** Opinions that say nothing themselves, in the round's placeholder category (ADR 60). */
  placeholders: number;
  nearDuplicateGroups: number;
  clusteredAt: string;
}

export interface ClusteringOptions {
  /** Opinions per page read and per write transaction (default 5,000). */
  pageSize?: number;
  /** Called after every page, e.g. to heartbeat the activity. */
  onProgress?: (progress: { pass: 'read' | 'describe' | 'write'; done: number }) => void;
}

interface Row {
  receipt: string;
  receivedAt: string;
  text?: string;
  section?: string | null;
}

/**
 * The opinions of the round in pages of `pageSize`, by (received_at, receipt): a keyset, so each page is
 * one index range (`opinions_phase_received`) and never an OFFSET scan; only `columns` are read.
 */
async function* pages(
  dataSource: DataSource,
  run: ClusteringRun,
  pageSize: number,
  columns: string,
): AsyncGenerator<Row[]> {
  const p = (n: number): string => param(dataSource, n);
  const read = (after: { receivedAt: string; receipt: string }): Promise<Row[]> =>
    dataSource.query(
      `SELECT receipt, received_at AS "receivedAt"${columns} FROM opinions
       WHERE decision_id = ${p(1)} AND phase = 'consultation' AND round = ${p(2)}
         AND received_at >= ${p(3)} AND (received_at > ${p(4)} OR receipt > ${p(5)})
       ORDER BY received_at, receipt LIMIT ${pageSize}`,
      [run.decisionId, run.round, after.receivedAt, after.receivedAt, after.receipt],
    );
  // The next page is requested before this one is processed: on PostgreSQL the two overlap.
  let next = read({ receivedAt: '', receipt: '' });
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    if (rows.length === pageSize && last) next = read({ receivedAt: last.receivedAt, receipt: last.receipt });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

function receiptHash(receipt: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < receipt.length; i += 1) h = Math.imul(h ^ receipt.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function changedUnderneath(decisionId: string): DomainError {
  return new DomainError(
    'OPINIONS_CHANGED',
    'conflict',
    `The opinions of decision ${decisionId} changed during clustering; run it again.`,
  );
}

/** Pass 1 (near-duplicates, term frequencies) and pass 2 (group keywords), then the topics. */
async function computeClusters(
  dataSource: DataSource,
  run: ClusteringRun,
  pageSize: number,
  progress: ClusteringOptions['onProgress'],
): Promise<{ clustering: Clustering; count: number; hashes: Uint32Array }> {
  const clusterer = new OpinionClusterer();
  let hashes = new Uint32Array(pageSize);
  let count = 0;
  for await (const page of pages(dataSource, run, pageSize, ', text_public AS "text"')) {
    if (hashes.length < count + page.length) {
      const grown = new Uint32Array(Math.max(count + page.length, hashes.length * 2));
      grown.set(hashes);
      hashes = grown;
    }
    for (const row of page) {
      clusterer.add(row.text!);
      hashes[count++] = receiptHash(row.receipt);
    }
    progress?.({ pass: 'read', done: count });
  }
  clusterer.endNearDuplicates();
  let i = 0;
  for await (const page of pages(dataSource, run, pageSize, ', text_public AS "text", section')) {
    for (const row of page) {
      if (i >= count || hashes[i] !== receiptHash(row.receipt)) throw changedUnderneath(run.decisionId);
      if (clusterer.needsDescription(i)) clusterer.describe(i, row.text!, row.section ?? null);
      i += 1;
    }
    progress?.({ pass: 'describe', done: i });
  }
  if (i !== count) throw changedUnderneath(run.decisionId);
  return { clustering: clusterer.finish(), count, hashes };
}

/**
 * Clusters the opinions of the decision's current consultation round (SPEC.md §3.4; withheld opinions
 * too: they still count and are answered in aggregate) and replaces the round's clusters. Streams the
 * opinions three times in keyset pages (memory stays bounded: a few bytes per opinion in typed arrays):
 * pass 1 near-duplicates and term statistics, pass 2 the keywords of each group, pass 3 the writes.
 *
 * Consistency without one giant transaction: the run first clears `clustered_at` (staff operations and
 * answers to clusters refuse with CLUSTERS_NOT_READY from then on), then writes `opinions.cluster_id`
 * and the cluster rows in transactions of one page each, and finally sets `clustered_at` and appends
 * `ClustersComputed` in one small transaction: readers see the old clusters' absence or the new ones
 * complete, never a mix. A crash leaves `clustered_at` NULL and the retry starts over; running it again
 * gives the same clusters (ids `r<round>-<n>`, n by size) and writes only what differs. Refused with
 * CLUSTERS_ANSWERED once anything of the round is answered.
 */
export async function clusterOpinions(
  dataSource: DataSource,
  decisionId: string,
  policy: Pick<Policy, 'concentratedMin' | 'concentratedShare'>,
  now: Date,
  options: ClusteringOptions = {},
): Promise<ClusteringSummary> {
  const pageSize = options.pageSize ?? 5_000;
  const run = await startRun(dataSource, decisionId, now);
  const { clustering, count, hashes } = await computeClusters(dataSource, run, pageSize, options.onProgress);
  // Clusters of opinions are numbered by size; the placeholder category (ADR 60) has its own id.
  let numbered = 0;
  const ids = clustering.clusters.map((cluster) =>
    cluster.kind === 'placeholder' ? `r${run.round}-placeholder` : `r${run.round}-${(numbered += 1)}`,
  );
  const representatives = new Array<string | null>(ids.length).fill(null);
  const representativeOf = new Map(clustering.clusters.map((cluster, n) => [cluster.representative, n]));
  await deleteRoundClusters(dataSource, run, pageSize);
  // PostgreSQL: two page transactions in flight (two backends update while this process reads on);
  // SQLite has one writer, so its transactions queue anyway.
  const writers = dataSource.options.type === 'postgres' ? 2 : 1;
  const inFlight: Array<Promise<void>> = [];
  let i = 0;
  for await (const page of pages(dataSource, run, pageSize, '')) {
    const assignments = page.map((row): [string, string] => {
      if (i >= count || hashes[i] !== receiptHash(row.receipt)) throw changedUnderneath(decisionId);
      const n = representativeOf.get(i);
      if (n !== undefined) representatives[n] = row.receipt;
      return [row.receipt, ids[clustering.clusterOf(i++)]!];
    });
    const written = inRun(dataSource, run, (manager) => writeClusterIds(manager, assignments));
    written.catch(() => undefined); // awaited below; a failure is not "unhandled" while it waits its turn
    inFlight.push(written);
    if (inFlight.length >= writers) await inFlight.shift();
    options.onProgress?.({ pass: 'write', done: i });
  }
  await Promise.all(inFlight);
  if (i !== count) throw changedUnderneath(decisionId);
  const at = now.toISOString();
  const rows = clustering.clusters.map((cluster, n) => ({
    decisionId,
    clusterId: ids[n]!,
    round: run.round,
    label: [...cluster.label].slice(0, 200).join(''),
    origin: 'auto',
    stance: cluster.stance,
    kind: cluster.kind,
    size: cluster.size,
    representative: representatives[n] ?? null,
    keywords: JSON.stringify(cluster.keywords),
    createdAt: at,
    updatedAt: at,
  }));
  for (let from = 0; from < rows.length; from += pageSize) {
    const batch = rows.slice(from, from + pageSize);
    await inRun(dataSource, run, async (manager) => {
      for (let k = 0; k < batch.length; k += 500) await manager.insert(OpinionClusterEntity, batch.slice(k, k + 500));
    });
  }
  const concentrated = clustering.clusters.filter(
    (cluster) => cluster.kind === 'opinions' && isConcentrated(cluster.size, count, policy),
  ).length;
  const summary = {
    decisionId,
    round: run.round,
    opinions: count,
    clusters: ids.length,
    concentrated,
    placeholders: clustering.clusters.find((cluster) => cluster.kind === 'placeholder')?.size ?? 0,
    nearDuplicateGroups: clustering.nearDuplicateGroups,
    clusteredAt: at,
  };
  await finishRun(dataSource, run, now, {
    round: summary.round,
    opinions: count,
    clusters: summary.clusters,
    concentrated,
    placeholders: summary.placeholders,
    nearDuplicateGroups: summary.nearDuplicateGroups,
  });
  return summary;
}
