import {
  Client,
  Connection,
  isGrpcServiceError,
  WithStartWorkflowOperation,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { databaseConfigFrom, openDatabase } from '../../libs/persistence/src';
import type { DecisionState, StaffActor } from '../../libs/domain/src';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { actionUpdate, decisionWorkflowId, registerUpdate } from '../../workflows/definitions';
import { aRegistration, drafterA, newId, registerViaTemporal } from '../support/decisions';
import { reviewerA } from '../support/lifecycle-driver';
import { eventually, untilTime } from '../support/eventually';
import { freePort } from '../support/ports';
import { startBenchCluster } from './cluster';
import { createBenchDatabase } from './databases';
import { percentile } from './measure';
import { startApp } from './processes';

/**
 * The `timers` group (issue 15, BENCH_ONLY=timers): many open decisions, each holding a live durable timer, on
 * the dev server and — when Temporal can have PostgreSQL — on the production topology of `npm run cluster`.
 *
 * Per Temporal system: a fresh app database and one worker process (`dist/apps/worker`), driven straight through
 * the Temporal client as the gateway would (the HTTP path is measured by the `api` and `cluster` groups):
 * 1. `decisions` decisions are registered and brought to a pending publication review (register, a draft version,
 *    a consultation plan two months ahead, submit): each then waits on its review deadline's timer. Measured:
 *    the wall time, and the rate as updates per second.
 * 2. `batch` more are brought to the approved pre-disclosure stage with one common opening instant T (register,
 *    draft, plan opening at T, submit, approve): a batch of deadlines that fall due together, among the others.
 *    Measured per decision: the fire lag (the `ConsultationOpened` step's occurred_at, i.e. the workflow's own
 *    clock when it woke, minus T) and the visible lag (when the step was first seen committed in the database by
 *    a 100 ms poll, minus T); p50 / p99 / max. A decision whose approval only completed after T is not counted.
 * 3. Every run's history length (describe), which must stay under 4,096 events (the figure fails otherwise).
 * 4. Peak resident memory (VmHWM) of the worker (its workflow bundling at start-up included) and of the Temporal server (the dev server's process, or the sum
 *    of the cluster's nodes).
 */
export interface TimerFigures {
  temporal: 'dev server' | 'cluster';
  database: 'sqlite' | 'postgres';
  decisions: number;
  registerMs: number;
  updatesPerSec: number;
  batch: number;
  /** Batch decisions whose approval completed after T (not counted in the lags). */
  late: number;
  fireLagMs: { p50: number; p99: number; max: number };
  visibleLagMs: { p50: number; p99: number; max: number };
  historyLength: { p50: number; max: number };
  workerPeakMiB: number;
  serverPeakMiB: number;
}

export interface TimerBenchOptions {
  root: string;
  password: string;
  /** PostgreSQL admin URL for the app database (BENCH_DATABASE_URL); SQLite without it. */
  adminUrl: string | undefined;
  /** PostgreSQL admin URL for the cluster's Temporal databases; the cluster is skipped without it. */
  temporalPostgresUrl: string | undefined;
  decisions: number;
  batch: number;
  concurrency: number;
  signal: AbortSignal;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
}

const DAY = 86_400_000;

async function pool<T>(items: T[], concurrency: number, signal: AbortSignal, run: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        signal.throwIfAborted();
        const item = items[next++]!;
        await run(item);
      }
    }),
  );
}

/** A memory figure of a process from /proc (`VmRSS` now, `VmHWM` its peak) in MiB, 0 when it is gone. */
function statusMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (!pid) return 0;
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
const rssMiB = (pid: number | undefined): number => statusMiB(pid, 'VmRSS');
const peakMiB = (pid: number | undefined): number => statusMiB(pid, 'VmHWM');

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
};

/**
 * Runs an idempotent Temporal call (a fixed update id) again when it failed in transport — a gRPC error or an
 * update RPC that timed out — up to five attempts; a workflow's own refusal is thrown at once.
 */
async function retried<T>(
  what: string,
  signal: AbortSignal,
  dead: () => Error | undefined,
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const transport =
        error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
        isGrpcServiceError(error) ||
        (error instanceof Error && error.name === 'ServiceError');
      if (!transport || attempt >= 5 || signal.aborted || dead()) throw dead() ?? error;
      const cause = (error as { cause?: { message?: string } }).cause;
      process.stderr.write(
        `bench: timers: ${what}: ${String(error)}${cause?.message ? ` (${cause.message})` : ''}; retrying (attempt ${attempt + 1})\n`,
      );
      // No pause: each attempt is itself bounded by its RPC's timeout, and the fixed update id makes it safe.
    }
  }
}

interface TemporalUnderTest {
  temporal: TimerFigures['temporal'];
  address: string;
  namespace: string;
  serverPids: () => number[];
}

export async function benchTimers(options: TimerBenchOptions): Promise<TimerFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-timers-'));
  options.defer('remove the timers temp folder', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const dev = await startDevServer({
    cli: provisionTemporalCli(options.root),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  options.defer('stop the dev server', () => dev.stop());
  const systems: TemporalUnderTest[] = [
    { temporal: 'dev server', address: dev.address, namespace: 'default', serverPids: () => [dev.process.pid ?? 0] },
  ];
  const figures: TimerFigures[] = [await measureOn(systems[0]!, options)];
  // Each system takes many minutes: its row is logged as soon as it is measured, not only at the end.
  options.log(`timers: measured\n${formatTimers(figures)}`);
  if (!options.temporalPostgresUrl) {
    options.log('timers: the cluster is skipped (set BENCH_DATABASE_URL or BENCH_TEMPORAL_POSTGRES_URL)');
    return figures;
  }
  const cluster = await startBenchCluster(options.root, options.temporalPostgresUrl, join(dir, 'cluster'), {
    defer: options.defer,
    log: (message) => options.log(`timers: cluster: ${message}`),
  });
  figures.push(
    await measureOn(
      {
        temporal: 'cluster',
        address: cluster.address,
        namespace: cluster.namespace,
        serverPids: () => cluster.nodes.map((node) => cluster.child(node.name)?.pid ?? 0),
      },
      options,
    ),
  );
  return figures;
}

async function measureOn(system: TemporalUnderTest, options: TimerBenchOptions): Promise<TimerFigures> {
  const { signal } = options;
  const log = (message: string): void => options.log(`timers (${system.temporal}): ${message}`);
  const kind = options.adminUrl ? 'postgres' : 'sqlite';
  const database = await createBenchDatabase(kind, options.password, options.adminUrl);
  const dataSource = await openDatabase(databaseConfigFrom(database.url), { migrate: false });
  const connection = await Connection.connect({ address: system.address });
  const taskQueue = `bench-timers-${randomBytes(3).toString('hex')}`;
  const worker = startApp(options.root, 'worker', {
    TEMPORAL_ADDRESS: system.address,
    TEMPORAL_NAMESPACE: system.namespace,
    TASK_QUEUE: taskQueue,
    DATABASE_URL: database.url,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
    // BENCH_WORKER_NODE_OPTIONS, e.g. --max-old-space-size=700: the worker's heap (and so the SDK's default cache).
    ...(process.env['BENCH_WORKER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_WORKER_NODE_OPTIONS'] } : {}),
  });
  // A dead worker never completes an update: end the run at once, with what it printed.
  let workerDied: Error | undefined;
  void worker.exited.then((code) => {
    workerDied = new Error(`timers: the worker exited with code ${code}:\n${worker.output().slice(-4000)}`);
    options.log(workerDied.message);
  });
  try {
    await ensureSearchAttributes(connection, system.namespace);
    const client = new Client({ connection, namespace: system.namespace });
    // Each update has a fixed id and is retried on a transport error or an RPC timeout (a loaded machine): the
    // server applies an update id once, so a retry returns the first outcome instead of acting twice.
    const act = (id: string, actor: StaffActor, action: string, command: Record<string, unknown> = {}) =>
      retried(
        `${id} ${action}`,
        signal,
        () => workerDied,
        () =>
          client.workflow
            .getHandle(decisionWorkflowId(id))
            .executeUpdate<DecisionState, [unknown]>(actionUpdate(action), {
              args: [{ actor, command }],
              updateId: `${id}:${action}`,
            }),
      );
    const register = (id: string) =>
      retried(
        `${id} register`,
        signal,
        () => workerDied,
        () =>
          client.workflow.executeUpdateWithStart(registerUpdate, {
            args: [{ actor: drafterA, command: aRegistration() }],
            updateId: `${id}:register`,
            startWorkflowOperation: new WithStartWorkflowOperation('decisionWorkflow', {
              workflowId: decisionWorkflowId(id),
              taskQueue,
              args: [{ decisionId: id }],
              workflowIdConflictPolicy: 'USE_EXISTING',
            }),
          }),
      );
    const draft = { draft: '草案', basis: '依据', explanation: '说明' };

    // A warm-up registration, not timed: the worker bundles its workflows before it polls.
    log('waiting for the worker (it bundles the workflows first)');
    await registerViaTemporal(client, taskQueue, newId(), aRegistration(), drafterA);

    // 1. Open decisions, each waiting on its review deadline's timer.
    const ids = Array.from({ length: options.decisions }, () => newId());
    log(`registering ${ids.length} open decisions with a live timer each`);
    const registerStart = Date.now();
    let done = 0;
    await pool(ids, options.concurrency, signal, async (id) => {
      await register(id);
      await act(id, drafterA, 'draft-versions', draft);
      await act(id, drafterA, 'consultation-plan', {
        channels: ['online'],
        opensAt: new Date(Date.now() + 60 * DAY).toISOString(),
        closesAt: new Date(Date.now() + 100 * DAY).toISOString(),
      });
      const state = await act(id, drafterA, 'submit-for-publication');
      if (!state.reviews?.some((review) => !review.overdue)) throw new Error(`timers: ${id} has no pending review`);
      done += 1;
      if (done % 1000 === 0)
        log(
          `${done} of ${ids.length}; worker RSS ${rssMiB(worker.child.pid).toFixed(0)} MiB (peak ${peakMiB(worker.child.pid).toFixed(0)})`,
        );
      worker.assertRunning();
    });
    const registerMs = Date.now() - registerStart;
    const updatesPerSec = (ids.length * 4) / (registerMs / 1000);

    // 2. A batch whose consultations all open at one instant T.
    const batch = Array.from({ length: options.batch }, () => newId());
    const estimateMs = ((batch.length * 5) / updatesPerSec) * 1000;
    const at = Date.now() + Math.round(estimateMs * 2) + 15_000;
    const opensAt = new Date(at).toISOString();
    log(`bringing a batch of ${batch.length} to a common opening at ${opensAt}`);
    const approvedAt = new Map<string, number>();
    await pool(batch, options.concurrency, signal, async (id) => {
      await register(id);
      await act(id, drafterA, 'draft-versions', draft);
      await act(id, drafterA, 'consultation-plan', {
        channels: ['online'],
        opensAt,
        closesAt: new Date(at + 40 * DAY).toISOString(),
      });
      const submitted = await act(id, drafterA, 'submit-for-publication');
      await act(id, reviewerA, 'approve', { reviewId: submitted.reviews!.at(-1)!.id });
      approvedAt.set(id, Date.now());
    });
    const late = [...approvedAt.values()].filter((t) => t > at).length;
    if (late > 0) log(`${late} of the batch were approved only after T (not counted)`);
    const onTime = new Set(batch.filter((id) => approvedAt.get(id)! <= at));
    const seen = await watchOpenings(dataSource, onTime, at, signal, () => worker.assertRunning());

    // 3. History lengths of every run.
    log('reading every run’s history length');
    const lengths: number[] = [];
    await pool([...ids, ...batch], options.concurrency, signal, async (id) => {
      const description = await client.workflow.getHandle(decisionWorkflowId(id)).describe();
      lengths.push(description.historyLength);
    });
    const longest = Math.max(...lengths);
    if (longest >= 4096) throw new Error(`timers: a run's history reached ${longest} events (limit 4,096)`);

    return {
      temporal: system.temporal,
      database: kind,
      decisions: ids.length,
      registerMs,
      updatesPerSec,
      batch: onTime.size,
      late,
      fireLagMs: spread([...seen.values()].map((s) => s.firedAt - at)),
      visibleLagMs: spread([...seen.values()].map((s) => s.seenAt - at)),
      historyLength: spread(lengths),
      workerPeakMiB: peakMiB(worker.child.pid),
      serverPeakMiB: system.serverPids().reduce((sum, pid) => sum + peakMiB(pid), 0),
    };
  } finally {
    await worker.stop();
    await connection.close();
    await dataSource.destroy();
    await database.drop();
  }
}

/**
 * Watches the internal log (a 100 ms poll through the one wait helper) from just before T until every decision
 * of `ids` has its ConsultationOpened step, 10 minutes at most: when each was first seen, and its occurred_at.
 */
async function watchOpenings(
  dataSource: DataSource,
  ids: Set<string>,
  at: number,
  signal: AbortSignal,
  check: () => void,
): Promise<Map<string, { firedAt: number; seenAt: number }>> {
  const seen = new Map<string, { firedAt: number; seenAt: number }>();
  await untilTime(at - 500, 'just before the batch falls due');
  await eventually(
    async () => {
      const rows = await dataSource.query<Array<{ decision_id: string; occurred_at: string }>>(
        `SELECT decision_id, occurred_at FROM internal_events WHERE type = 'ConsultationOpened'`,
      );
      const now = Date.now();
      for (const row of rows)
        if (ids.has(row.decision_id) && !seen.has(row.decision_id))
          seen.set(row.decision_id, { firedAt: Date.parse(row.occurred_at), seenAt: now });
      return seen.size === ids.size;
    },
    {
      timeoutMs: at + 600_000 - Date.now(),
      intervalMs: 100,
      what: `every consultation of the batch opened (${ids.size})`,
      giveUp: () => {
        if (signal.aborted) return new Error('timers: interrupted');
        try {
          check();
          return undefined;
        } catch (error) {
          return error as Error;
        }
      },
    },
  );
  return seen;
}

export function formatTimers(figures: TimerFigures[]): string {
  const base = figures.find((f) => f.temporal === 'dev server');
  const ratio = (value: number, of: number | undefined): string =>
    of && of > 0 ? ` (×${(value / of).toFixed(2)})` : '';
  const ms = (s: { p50: number; p99: number; max: number }) =>
    `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)} / ${s.max.toFixed(0)}`;
  const rows = figures.map(
    (f) =>
      `| ${f.temporal} | ${f.database} | ${f.decisions} in ${(f.registerMs / 1000).toFixed(0)} s, ${f.updatesPerSec.toFixed(1)} updates/s${ratio(f.updatesPerSec, base?.updatesPerSec)} | ${f.batch}${f.late ? ` (+${f.late} late)` : ''} | ${ms(f.fireLagMs)} | ${ms(f.visibleLagMs)}${ratio(f.visibleLagMs.p99, base?.visibleLagMs.p99)} | ${f.historyLength.p50} / ${f.historyLength.max} | ${f.workerPeakMiB.toFixed(0)} | ${f.serverPeakMiB.toFixed(0)} |`,
  );
  return [
    '| Temporal | DB | open decisions registered (× dev server) | batch due at T | fire lag p50 / p99 / max ms | visible lag p50 / p99 / max ms (p99 × dev server) | history p50 / max events | worker peak MiB | server peak MiB |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
