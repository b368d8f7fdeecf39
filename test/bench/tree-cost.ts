import { Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { databaseConfigFrom, openDatabase } from '../../libs/persistence/src';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { bundleWorkflows } from '../../tools/cluster/apps';
import { freePort } from '../support/ports';
import { measureGroup, type Stats } from './measure';
import { startReplicaSystem, type ReplicaBenchOptions, type ReplicaSystem } from './replicas';

/**
 * What the transparency tree costs a staff action (issue 19's acceptance, ADR 0110; `BENCH_ONLY=tlog-staff`):
 * `POST /api/v1/decisions/{id}/draft-versions` over HTTP at concurrency 1 on two systems side by side on one
 * in-memory dev server, each a gateway + worker on a fresh app database of the same kind: the production
 * worker, whose `appendEvents` appends the tree's leaf in the log transaction, and the bench-only worker
 * `worker-without-tree.ts`, the same code leaving the tree out. Interleaved in rounds (measureGroup).
 * The run fails unless the first stored a leaf for every public entry and the second none.
 */
export interface TreeCostFigure {
  database: 'sqlite' | 'postgres';
  withTree: Stats;
  withoutTree: Stats;
}

export interface TreeCostOptions extends Omit<
  ReplicaBenchOptions,
  'temporalAddress' | 'opinionSamples' | 'opinionConcurrency' | 'staffConcurrency'
> {
  kinds: Array<'sqlite' | 'postgres'>;
  samples: number;
  warmup: number;
  rounds: number;
}

export const WORKER_WITHOUT_TREE = 'test/bench/worker-without-tree.js';

export async function benchTreeCost(options: TreeCostOptions): Promise<TreeCostFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-tree-'));
  options.defer('remove the tree-cost temp folder', () =>
    Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  );
  const server = await startDevServer({
    cli: provisionTemporalCli(options.root),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  options.defer('stop the tree-cost dev server', () => server.stop());
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  // One bundle for both workers, built before they start (as a production image is).
  options.log('tree cost: bundling the workflows');
  const workflowBundle = await bundleWorkflows(join(dir, 'workflows.js'));

  const figures: TreeCostFigure[] = [];
  for (const kind of options.kinds) {
    const system = (workerEntry?: string): Promise<ReplicaSystem> =>
      startReplicaSystem(1, {
        ...options,
        temporalAddress: server.address,
        adminUrl: kind === 'postgres' ? options.adminUrl : undefined,
        opinionSamples: 0,
        opinionConcurrency: 1,
        // Two decisions: startReplicaSystem takes the first into consultation and acts on the second.
        staffConcurrency: 2,
        workflowBundle,
        ...(workerEntry ? { workerEntry } : {}),
      });
    options.log(`tree cost, ${kind}: a system with the tree and one without`);
    const withTree = await system();
    const withoutTree = await system(WORKER_WITHOUT_TREE);
    const stats = await measureGroup(
      [
        { id: 'with-tree', label: 'Staff action, tree appended', op: withTree.staffAction },
        { id: 'without-tree', label: 'Staff action, no tree', op: withoutTree.staffAction },
      ],
      {
        concurrency: 1,
        samples: options.samples,
        warmup: options.warmup,
        rounds: options.rounds,
        check: () => [withTree, withoutTree].forEach((s) => s.check()),
        signal: options.signal,
      },
    );
    const [withLeaves, withEntries] = await countLeaves(withTree.databaseUrl);
    const [withoutLeaves] = await countLeaves(withoutTree.databaseUrl);
    if (withLeaves !== withEntries || withEntries === 0 || withoutLeaves !== 0)
      throw new Error(
        `tree cost, ${kind}: ${withLeaves} leaves for ${withEntries} public entries with the tree, ${withoutLeaves} without`,
      );
    figures.push({ database: kind, withTree: stats.get('with-tree')!, withoutTree: stats.get('without-tree')! });
  }
  return figures;
}

/** [tree leaves, public log entries] of an app database. */
async function countLeaves(url: string): Promise<[number, number]> {
  const dataSource = await openDatabase(databaseConfigFrom(url), { migrate: false });
  try {
    const count = async (table: string): Promise<number> =>
      Number(((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>)[0]!.n);
    return [await count('log_tree_leaves'), await count('public_events')];
  } finally {
    await dataSource.destroy();
  }
}

export function formatTreeCost(figures: TreeCostFigure[]): string {
  const ms = (value: number): string => value.toFixed(2);
  return [
    '| DB | with the tree p50 / p99 (ms) | without p50 / p99 (ms) | ratio p50 · p99 |',
    '|---|---:|---:|---|',
    ...figures.map(
      (f) =>
        `| ${f.database} | ${ms(f.withTree.p50Ms)} / ${ms(f.withTree.p99Ms)} | ${ms(f.withoutTree.p50Ms)} / ${ms(f.withoutTree.p99Ms)} | ` +
        `×${(f.withTree.p50Ms / f.withoutTree.p50Ms).toFixed(2)} · ×${(f.withTree.p99Ms / f.withoutTree.p99Ms).toFixed(2)} |`,
    ),
  ].join('\n');
}
