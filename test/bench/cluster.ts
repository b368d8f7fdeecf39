import { Connection } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { startTemporalCluster, type TemporalCluster } from '../../tools/cluster/temporal-cluster';
import { freePort } from '../support/ports';
import { runOperations } from './measure';
import { startReplicaSystem, type ReplicaBenchOptions, type ReplicaSystem } from './replicas';

/**
 * The `cluster` group (issue 15, BENCH_ONLY=cluster): registrations/s and staff actions/s through the gateways
 * on the production topology of `npm run cluster` (ADR 51: separate temporal-server processes on PostgreSQL,
 * an nginx gRPC balancer over two frontends) beside the same figures on an in-memory dev server, same run:
 * one gateway + worker on the dev server, one and two on the cluster. Each system has its own app database
 * (PostgreSQL with BENCH_DATABASE_URL, else SQLite). Throughput = operations ÷ wall time of a closed loop at
 * fixed concurrency, after a warm-up, in interleaved rounds.
 */
export interface ClusterFigure {
  temporal: 'dev server' | 'cluster';
  replicas: number;
  database: 'sqlite' | 'postgres';
  registrationsPerSec: number;
  staffActionsPerSec: number;
}

export interface ClusterBenchOptions extends Omit<ReplicaBenchOptions, 'temporalAddress' | 'namespace'> {
  /** The PostgreSQL server Temporal's databases go on (admin URL). */
  temporalPostgresUrl: string;
  registrationSamples: number;
  rounds: number;
}

/**
 * The production topology of `npm run cluster` for a bench group: temporal-server and its schema tool found or
 * built by deploy/temporal/provision.sh, Temporal's databases `od_bench_*` on `postgresUrl`'s server (dropped by
 * the deferred stop).
 */
export async function startBenchCluster(
  root: string,
  postgresUrl: string,
  dir: string,
  options: { defer: (what: string, run: () => Promise<unknown>) => void; log: (message: string) => void },
): Promise<TemporalCluster> {
  const provision = (tool: string): string =>
    execFileSync('bash', [join(root, 'deploy', 'temporal', 'provision.sh'), tool], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const cluster = await startTemporalCluster({
    postgresUrl,
    databasePrefix: `od_bench_${randomBytes(3).toString('hex')}`,
    dir,
    serverBinary: provision('server'),
    sqlToolBinary: provision('sql-tool'),
    progress: options.log,
  });
  options.defer('stop the Temporal cluster', () => cluster.stop());
  return cluster;
}

export async function benchCluster(options: ClusterBenchOptions): Promise<ClusterFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-cluster-'));
  options.defer('remove the cluster temp folder', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const dev = await startDevServer({
    cli: provisionTemporalCli(options.root),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  options.defer('stop the dev server', () => dev.stop());
  const connection = await Connection.connect({ address: dev.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();

  const cluster = await startBenchCluster(options.root, options.temporalPostgresUrl, join(dir, 'cluster'), {
    defer: options.defer,
    log: (message) => options.log(`cluster: ${message}`),
  });

  const labelled = async (temporal: ClusterFigure['temporal'], replicas: number) => ({
    temporal,
    system: await startReplicaSystem(replicas, {
      ...options,
      ...(temporal === 'cluster'
        ? { temporalAddress: cluster.address, namespace: cluster.namespace }
        : { temporalAddress: dev.address }),
    }),
  });
  const systems = [await labelled('dev server', 1), await labelled('cluster', 1), await labelled('cluster', 2)];

  const kinds = [
    { key: 'registrations', op: (s: ReplicaSystem) => s.registration, samples: options.registrationSamples },
    { key: 'actions', op: (s: ReplicaSystem) => s.staffAction, samples: options.staffSamples },
  ] as const;
  const totals = systems.map(() => ({ registrations: { n: 0, ms: 0 }, actions: { n: 0, ms: 0 } }));
  for (const kind of kinds) {
    for (const { system } of systems)
      await runOperations(kind.op(system), Math.round(kind.samples / 10), options.staffConcurrency, options.signal);
    for (let round = 0; round < options.rounds; round += 1) {
      options.log(`cluster: ${kind.key}, round ${round + 1} of ${options.rounds}`);
      for (let i = 0; i < systems.length; i += 1) {
        const index = (i + round) % systems.length;
        const { system } = systems[index]!;
        const { latenciesMs, wallMs } = await runOperations(
          kind.op(system),
          Math.round(kind.samples / options.rounds),
          options.staffConcurrency,
          options.signal,
        );
        system.check();
        totals[index]![kind.key].n += latenciesMs.length;
        totals[index]![kind.key].ms += wallMs;
      }
    }
  }
  return systems.map(({ temporal, system }, i) => ({
    temporal,
    replicas: system.replicas,
    database: system.database,
    registrationsPerSec: totals[i]!.registrations.n / (totals[i]!.registrations.ms / 1000),
    staffActionsPerSec: totals[i]!.actions.n / (totals[i]!.actions.ms / 1000),
  }));
}

/** One row per system, each with its ratio to the dev server's row. */
export function formatCluster(figures: ClusterFigure[]): string {
  const base = figures.find((f) => f.temporal === 'dev server');
  const ratio = (value: number, of: number | undefined): string => (of ? ` (×${(value / of).toFixed(2)})` : '');
  const rows = figures.map(
    (f) =>
      `| ${f.temporal}, ${f.replicas} gateway(s) + ${f.replicas} worker(s) | ${f.database} | ${f.registrationsPerSec.toFixed(1)}${ratio(f.registrationsPerSec, base?.registrationsPerSec)} | ${f.staffActionsPerSec.toFixed(1)}${ratio(f.staffActionsPerSec, base?.staffActionsPerSec)} |`,
  );
  return [
    '| Temporal, apps | DB | registrations/s (× dev server) | staff actions/s (× dev server) |',
    '|---|---|---:|---:|',
    ...rows,
  ].join('\n');
}
