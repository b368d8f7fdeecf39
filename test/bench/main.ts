import { Client, Connection, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseConfigFrom, openDatabase } from '../../libs/persistence/src';
import { OpinionEntity } from '../../libs/persistence/src/entities/opinion.entity';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { actionUpdate, decisionWorkflowId } from '../../workflows/definitions';
import type { StaffActor } from '../../libs/domain/src';
import { aRegistration } from '../support/decisions';
import { login } from '../support/http';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { keepAliveClient } from './http-load';
import { measureGroup, type Figure, type Stats } from './measure';
import {
  choosePinning,
  findRepoRoot,
  pinProcess,
  startApp,
  waitForHttp,
  type AppProcess,
  type Pinning,
} from './processes';
import { benchMillion, formatMillion, type MillionResult } from './million';
import { benchCalendar, formatCalendar, type CalendarFigures } from './calendar';
import { benchFlood, formatFlood, type FloodFigure } from './flood';
import { benchTransparency, formatTransparency, type TransparencyFigures } from './transparency';
import { updateTasks, type UpdateTasks } from './history';
import { benchTreeCost, formatTreeCost, type TreeCostFigure } from './tree-cost';
import { formatReplicas, measureReplicas, startReplicaSystem, type ReplicaFigures } from './replicas';
import { benchCluster, formatCluster, startBenchCluster, type ClusterFigure } from './cluster';
import { benchTimers, formatTimers, type TimerFigures } from './timers';
import { benchReads, formatReads, type ReadFigure } from './reads';
import {
  formatTable,
  ratioOf,
  writeResults,
  type BenchResults,
  type DatabaseResult,
  type FigureResult,
} from './report';
import {
  incrementAfterActivityUpdate,
  incrementAfterLocalActivityUpdate,
  incrementUpdate,
  trivialWorkflow,
  type TrivialActivities,
} from './trivial.workflow';

/**
 * `npm run bench` (DESIGN.md §8): every figure with its ratio to a baseline measured in the same run.
 * One in-memory Temporal dev server; per app database (SQLite, and PostgreSQL when BENCH_DATABASE_URL is
 * set) the built worker and gateway as processes. See docs/benchmarks.md.
 */

const ROOT = findRepoRoot();
const PASSWORD = 'bench-password';
const OP_TIMEOUT_MS = 30_000;
const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);
/** Aborted by SIGINT/SIGTERM: the load stops so that the gateway can drain and stop. */
const interruption = new AbortController();

interface Settings {
  samples: number;
  warmup: number;
  rounds: number;
  latencyConcurrency: number;
  throughputConcurrency: number;
  pinning: Pinning | undefined;
  pinMode: string;
  databaseUrl: string | undefined;
  /** Connections of the opinion-intake throughput run (BENCH_INTAKE_CONCURRENCY, default 64). */
  intakeConcurrency: number;
  /** Samples of that run (BENCH_INTAKE_SAMPLES, default 20,000). */
  intakeSamples: number;
  /** Figure groups to run (BENCH_ONLY, comma-separated: `api`, `staff`, `million`, `replicas`, `calendar`, `flood`, `cluster`, `timers`, `reads`, `tlog`, `tlog-staff`, `intake`; default all but `staff` and `intake`). */
  groups: Set<string>;
  /** Opinions of the million-opinion figure (BENCH_MILLION, default 1,000,000; 0 skips it). */
  million: number;
  /** Where the API figures' Temporal runs (BENCH_API_TEMPORAL): the in-memory dev server, or the cluster of `npm run cluster`. */
  apiTemporal: 'dev server' | 'cluster';
}

function positiveInt(name: string, fallback: number, text = process.env[name]): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

function readSettings(): Settings {
  const samples = positiveInt('BENCH_SAMPLES', 200);
  // BENCH_CONCURRENCY: "16" sets the throughput concurrency; "1,16" sets latency and throughput.
  const concurrency = (process.env['BENCH_CONCURRENCY'] ?? '').split(',').map((part) => part.trim());
  const [latencyConcurrency, throughputConcurrency] =
    concurrency.length >= 2
      ? [positiveInt('BENCH_CONCURRENCY', 1, concurrency[0]), positiveInt('BENCH_CONCURRENCY', 16, concurrency[1])]
      : [1, positiveInt('BENCH_CONCURRENCY', 16, concurrency[0])];
  const pinMode = process.env['BENCH_PIN'] ?? 'auto';
  return {
    samples,
    warmup:
      process.env['BENCH_WARMUP'] === '0' ? 0 : positiveInt('BENCH_WARMUP', Math.max(10, Math.round(samples / 10))),
    rounds: positiveInt('BENCH_ROUNDS', 4),
    latencyConcurrency,
    throughputConcurrency,
    pinning: choosePinning(pinMode, cpus().length),
    pinMode,
    databaseUrl: process.env['BENCH_DATABASE_URL'] || undefined,
    intakeConcurrency: positiveInt('BENCH_INTAKE_CONCURRENCY', 64),
    intakeSamples: positiveInt('BENCH_INTAKE_SAMPLES', 20_000),
    groups: new Set(
      (process.env['BENCH_ONLY'] || 'api,million,replicas,calendar,flood,cluster,timers,reads,tlog,tlog-staff')
        .split(',')
        .map((group) => group.trim()),
    ),
    million: process.env['BENCH_MILLION'] === '0' ? 0 : positiveInt('BENCH_MILLION', 1_000_000),
    apiTemporal: apiTemporal(process.env['BENCH_API_TEMPORAL']),
  };
}

function apiTemporal(text: string | undefined): Settings['apiTemporal'] {
  if (!text || text === 'dev') return 'dev server';
  if (text === 'cluster') return 'cluster';
  throw new Error(`BENCH_API_TEMPORAL must be dev or cluster, got ${JSON.stringify(text)}`);
}

/** Temporal's PostgreSQL server for the cluster (BENCH_TEMPORAL_POSTGRES_URL, else BENCH_DATABASE_URL), as an admin URL. */
function temporalPostgresAdmin(settings: Settings): string | undefined {
  const server = process.env['BENCH_TEMPORAL_POSTGRES_URL'] || settings.databaseUrl;
  if (!server) return undefined;
  const admin = new URL(server);
  admin.pathname = '/postgres';
  return admin.toString();
}

/** Cleanup actions run in reverse order, up to a mark (one database) or all of them (the end). */
class Teardown {
  private readonly actions: Array<{ what: string; run: () => Promise<unknown> }> = [];
  defer(what: string, run: () => Promise<unknown>): void {
    this.actions.push({ what, run });
  }
  mark(): number {
    return this.actions.length;
  }
  async unwindTo(mark = 0): Promise<boolean> {
    let clean = true;
    while (this.actions.length > mark) {
      const action = this.actions.pop()!;
      try {
        await action.run();
      } catch (error) {
        clean = false;
        log(`cleanup "${action.what}" failed: ${String(error)}`);
      }
    }
    return clean;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One HTTP request through Node's fetch (undici); the body is read; any other status is an error. */
async function request(url: string, init: RequestInit, status: number, timeoutMs = OP_TIMEOUT_MS): Promise<string> {
  const response = await fetch(url, {
    ...init,
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), interruption.signal]),
  });
  const body = await response.text();
  if (response.status !== status)
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${status}: ${body.slice(0, 500)}`,
    );
  return body;
}

/** Builds the apps when `dist/` lacks them (`npm run bench` always builds first). */
function ensureBuilt(): void {
  const mains = ['gateway', 'worker'].map((app) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js'));
  if (mains.every((main) => existsSync(main))) return;
  log('dist/ is missing: npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
}

interface Shared {
  settings: Settings;
  temporalAddress: string;
  namespace: string;
  client: Client;
  trivialQueue: string;
  teardown: Teardown;
}

/** Registers a decision and takes it into consultation (shortened, approved), over the API. */
async function openConsultation(base: string, drafter: string, reviewer: string, manager: string): Promise<string> {
  const post = async (token: string, path: string, body: unknown, status = 200): Promise<any> =>
    JSON.parse(
      await request(
        `${base}${path}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        },
        status,
      ),
    );
  const id = (await post(drafter, '/api/v1/decisions', aRegistration(), 201)).decisionId as string;
  const act = (token: string, action: string, body: unknown = {}): Promise<any> =>
    post(token, `/api/v1/decisions/${id}/${action}`, body);
  await act(drafter, 'draft-versions', { draft: '草案', basis: '依据', explanation: '说明' });
  await act(drafter, 'consultation-plan', {
    channels: ['online'],
    opensAt: new Date(Date.now() + 1_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    shortenedReason: 'benchmark',
  });
  await act(manager, 'shortened-consultation-approval');
  const submitted = await act(drafter, 'submit-for-publication');
  await act(reviewer, 'approve', { reviewId: submitted.reviews.at(-1).id });
  for (let i = 0; i < 100; i += 1) {
    if (
      (JSON.parse(await request(`${base}/api/v1/public/decisions/${id}`, {}, 200)) as { stage: string }).stage ===
      'consultation'
    )
      return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the consultation did not open');
}

async function benchDatabase(kind: 'sqlite' | 'postgres', shared: Shared): Promise<DatabaseResult> {
  const { settings, client, trivialQueue, teardown } = shared;
  const mark = teardown.mark();
  const run = randomBytes(3).toString('hex');
  log(`${kind}: database, worker and gateway`);
  const database = await createBenchDatabase(kind, PASSWORD, settings.databaseUrl);
  teardown.defer(`drop the ${kind} database`, () => database.drop());

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const common = {
    TEMPORAL_ADDRESS: shared.temporalAddress,
    TEMPORAL_NAMESPACE: shared.namespace,
    TASK_QUEUE: `bench-decisions-${kind}-${run}`,
    DATABASE_URL: database.url,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
  };
  const servers = settings.pinning?.servers;
  // The worker bundles the workflows at start, as `npm start` runs it (no WORKFLOW_BUNDLE).
  const apps: AppProcess[] = [
    startApp(ROOT, 'worker', common, servers),
    // The load comes from one address: lift the per-client opinion limit so the benchmark measures intake.
    startApp(
      ROOT,
      'gateway',
      {
        ...common,
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_SECRET: randomBytes(24).toString('hex'),
        OPINION_BURST: '1000000000',
        OPINION_RATE_PER_MINUTE: '1000000000',
        CLIENT_MAX_IN_FLIGHT: '1000',
        CLIENT_MAX_LOOP_SHARE: '1',
      },
      servers,
    ),
  ];
  for (const app of apps) {
    teardown.defer(`stop the ${app.name}`, async () => {
      const code = await app.stop();
      if (code !== 0) log(`${kind}: ${app.name} exited with code ${code}:\n${app.output()}`);
    });
  }
  const [worker, gateway] = apps as [AppProcess, AppProcess];
  await waitForHttp(`${base}/health/ready`, gateway, 60_000);
  const check = (): void => apps.forEach((app) => app.assertRunning());

  const token = await login(base, 'drafter', PASSWORD);
  const registrationInit: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(aRegistration()),
  };
  const decisionIds: string[] = [];
  const register = async (timeoutMs = OP_TIMEOUT_MS): Promise<void> => {
    const body = await request(`${base}/api/v1/decisions`, registrationInit, 201, timeoutMs);
    decisionIds.push((JSON.parse(body) as { decisionId: string }).decisionId);
  };
  // The first registration waits for the worker to bundle the workflows and poll its task queue, which can
  // outlast the gateway's 10-s bound on a loaded machine: it is retried with one Idempotency-Key (applied once).
  const workerDied = worker.exited.then((code) => Promise.reject(new Error(`the worker exited with code ${code}`)));
  const firstInit = {
    ...registrationInit,
    headers: { ...(registrationInit.headers as Record<string, string>), 'idempotency-key': `first-${run}` },
  };
  const registerFirst = async (): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const body = await request(`${base}/api/v1/decisions`, firstInit, 201, 120_000);
        decisionIds.push((JSON.parse(body) as { decisionId: string }).decisionId);
        return;
      } catch (error) {
        if (attempt >= 12 || !String(error).includes('OUTCOME_UNKNOWN')) throw error;
      }
    }
  };
  await Promise.race([registerFirst(), workerDied]).catch((error: unknown) => {
    throw new Error(
      `first registration failed: ${String(error)}\nworker:\n${worker.output()}\ngateway:\n${gateway.output()}`,
    );
  });
  workerDied.catch(() => undefined); // later exits are caught by check()

  // Bare updates go to already running trivial workflows, one per concurrent loop.
  const maxConcurrency = Math.max(settings.latencyConcurrency, settings.throughputConcurrency);
  const running: Array<WorkflowHandle<typeof trivialWorkflow>> = [];
  for (let slot = 0; slot < maxConcurrency; slot += 1) {
    running.push(
      await client.workflow.start(trivialWorkflow, {
        workflowId: `bench-update-${kind}-${run}-${slot}`,
        taskQueue: trivialQueue,
      }),
    );
  }
  let started = 0;
  let read = 0;
  /** Update-With-Start of a new trivial workflow, conflict policy FAIL like the gateway's. */
  const trivialUpdateWithStart = (update: typeof incrementUpdate) => async (): Promise<void> => {
    const startWorkflowOperation = new WithStartWorkflowOperation(trivialWorkflow, {
      workflowId: `bench-uws-${kind}-${run}-${(started += 1)}`,
      taskQueue: trivialQueue,
      workflowIdConflictPolicy: 'FAIL',
    });
    await withTimeout(
      client.workflow.executeUpdateWithStart(update, { args: [1], startWorkflowOperation }),
      OP_TIMEOUT_MS,
      update.name,
    );
  };
  /** An update of the running trivial workflow of the loop's slot, bounded like every operation. */
  const updateRunning =
    (update: typeof incrementUpdate) =>
    async (slot: number): Promise<void> =>
      void (await withTimeout(running[slot]!.executeUpdate(update, { args: [1] }), OP_TIMEOUT_MS, 'update'));
  const staffUpdate: Figure[] = [
    { id: 'registration', label: 'Registration, POST /api/v1/decisions', op: () => register() },
    {
      id: 'update-with-start-activity',
      label: 'Baseline: update-with-start + no-op activity',
      op: trivialUpdateWithStart(incrementAfterActivityUpdate),
    },
    { id: 'update-with-start', label: 'Baseline: bare update-with-start', op: trivialUpdateWithStart(incrementUpdate) },
    {
      id: 'bare-update',
      label: 'Baseline: bare update',
      op: updateRunning(incrementUpdate),
    },
  ];
  // One decision per concurrent loop, so that staff updates do not queue behind each other on one workflow.
  const slotDecisions: string[] = [];
  for (let slot = 0; slot < maxConcurrency; slot += 1) {
    await register();
    slotDecisions.push(decisionIds.at(-1)!);
  }
  const draftCommand = { draft: '第一条 …', basis: '依据', explanation: '说明' };
  const draftInit: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(draftCommand),
  };
  // The drafter as the gateway's guard would put it in the Update (the token's subject is the account id).
  const drafterActor: StaffActor = {
    accountId: (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub,
    username: 'drafter',
    unit: 'unit-a',
    role: 'drafter',
  };
  const staffAction: Figure[] = [
    {
      id: 'staff-update',
      label: 'Staff update, POST /api/v1/decisions/{id}/draft-versions',
      op: async (slot) =>
        void (await request(`${base}/api/v1/decisions/${slotDecisions[slot]!}/draft-versions`, draftInit, 200)),
    },
    {
      id: 'direct-update',
      label: 'Baseline: the same Update, sent by the bench (no gateway)',
      op: async (slot) =>
        void (await withTimeout(
          client.workflow
            .getHandle(decisionWorkflowId(slotDecisions[slot]!))
            .executeUpdate(actionUpdate('draft-versions'), { args: [{ actor: drafterActor, command: draftCommand }] }),
          OP_TIMEOUT_MS,
          'update',
        )),
    },
    {
      id: 'bare-update-activity',
      label: 'Baseline: bare update + no-op activity',
      op: updateRunning(incrementAfterActivityUpdate),
    },
    {
      id: 'bare-update-local-activity',
      label: 'Baseline: bare update + no-op local activity',
      op: updateRunning(incrementAfterLocalActivityUpdate),
    },
    {
      id: 'bare-update',
      label: 'Baseline: bare update',
      op: updateRunning(incrementUpdate),
    },
  ];
  const publicRead: Figure[] = [
    {
      id: 'timeline',
      label: 'Timeline, GET /api/v1/public/decisions/{id}/timeline',
      op: async () =>
        void (await request(
          `${base}/api/v1/public/decisions/${decisionIds[(read += 1) % decisionIds.length]!}/timeline`,
          {},
          200,
        )),
    },
    {
      id: 'decision-page',
      label: 'Decision page, GET /decisions/{id} (server-rendered HTML)',
      op: async () =>
        void (await request(`${base}/decisions/${decisionIds[(read += 1) % decisionIds.length]!}`, {}, 200)),
    },
    {
      id: 'catalogue-page',
      label: 'Catalogue page, GET /decisions?q= (HTML, search)',
      op: async () => void (await request(`${base}/decisions?q=${encodeURIComponent('决定')}`, {}, 200)),
    },
    {
      id: 'live',
      label: 'Baseline: GET /health/live',
      op: async () => void (await request(`${base}/health/live`, {}, 200)),
    },
  ];

  const figures: FigureResult[] = [];
  const ratios: DatabaseResult['ratios'] = [];
  const measure = async (
    group: Figure[],
    comparisons: Array<[string, string]>,
    concurrencies = [...new Set([settings.latencyConcurrency, settings.throughputConcurrency])],
    sized: (concurrency: number) => { samples: number; warmup: number } = () => settings,
  ): Promise<void> => {
    for (const concurrency of concurrencies) {
      log(`${kind}: ${group.map((figure) => figure.id).join(' / ')} at concurrency ${concurrency}`);
      const { rounds } = settings;
      const { samples, warmup } = sized(concurrency);
      const stats = await measureGroup(group, {
        concurrency,
        samples,
        warmup,
        rounds,
        check,
        signal: interruption.signal,
      });
      const results = new Map<string, FigureResult>();
      for (const figure of group) {
        const result: FigureResult = {
          id: figure.id,
          label: figure.label,
          baseline: figure.label.startsWith('Baseline'),
          concurrency,
          stats: stats.get(figure.id) as Stats,
        };
        results.set(figure.id, result);
        figures.push(result);
      }
      for (const [figure, baseline] of comparisons) ratios.push(ratioOf(results.get(figure)!, results.get(baseline)!));
    }
  };
  // BENCH_ONLY=staff or intake: only that group of the API figures (issue 15 item 5).
  const all = settings.groups.has('api');
  const staff = all || settings.groups.has('staff');
  if (all)
    await measure(staffUpdate, [
      ['registration', 'update-with-start'],
      ['registration', 'bare-update'],
      ['registration', 'update-with-start-activity'],
    ]);
  if (staff)
    await measure(staffAction, [
      ['staff-update', 'bare-update'],
      ['staff-update', 'direct-update'],
      ['direct-update', 'bare-update'],
      ['staff-update', 'bare-update-activity'],
      ['staff-update', 'bare-update-local-activity'],
      ['bare-update-local-activity', 'bare-update'],
    ]);
  // Where a staff action's time goes (issue 15 item 5): workflow tasks per update and the worker's share.
  const tasks: Record<string, UpdateTasks> = staff
    ? {
        'staff action (decision of loop 0)': await updateTasks(
          client.workflow.getHandle(decisionWorkflowId(slotDecisions[0]!)),
        ),
        'trivial workflow of loop 0 (bare updates)': await updateTasks(running[0]!),
      }
    : {};
  if (all)
    await measure(publicRead, [
      ['timeline', 'live'],
      ['decision-page', 'live'],
      ['decision-page', 'timeline'],
      ['catalogue-page', 'live'],
    ]);

  // Opinion intake: a decision in consultation; the baseline is a raw durable insert of the same rows
  // through the same driver into a database of its own (same schema, same durability settings).
  if (all || settings.groups.has('intake')) await measureIntake();
  log(`${kind}: stopping`);
  await Promise.all(running.map((handle) => handle.signal('stop')));
  if (!(await teardown.unwindTo(mark))) throw new Error(`${kind}: teardown failed`);
  return { database: kind, figures, ratios, updateTasks: tasks };

  async function measureIntake(): Promise<void> {
    const consultationId = await openConsultation(
      base,
      token,
      await login(base, 'reviewer', PASSWORD),
      await login(base, 'manager', PASSWORD),
    );
    const rawDatabase = await createBenchDatabase(kind, PASSWORD, settings.databaseUrl);
    teardown.defer(`drop the ${kind} raw-insert database`, () => rawDatabase.drop());
    const raw = await openDatabase(databaseConfigFrom(rawDatabase.url), { migrate: false });
    teardown.defer(`close the ${kind} raw-insert database`, () => raw.destroy());
    const load = keepAliveClient(interruption.signal, OP_TIMEOUT_MS);
    teardown.defer('close the load client', () => Promise.resolve(load.close()));
    let opinions = 0;
    const opinionText = (n: number): string => `建议第${n % 50}条补贴标准提高到每月200元，并简化申领流程。`;
    const intake: Figure[] = [
      {
        id: 'opinion-intake',
        label: 'Opinion intake, POST /api/v1/public/decisions/{id}/opinions',
        op: async () => {
          const n = (opinions += 1);
          await load.post(
            `${base}/api/v1/public/decisions/${consultationId}/opinions`,
            { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${n}` },
            JSON.stringify({ text: opinionText(n) }),
            201,
          );
        },
      },
      {
        id: 'raw-insert',
        label: 'Baseline: raw durable insert, same driver',
        op: async () => {
          const n = (opinions += 1);
          await raw
            .createQueryBuilder()
            .insert()
            .into(OpinionEntity)
            .values({
              receipt: `RAW-${run}-${n}`,
              decisionId: consultationId,
              phase: 'consultation',
              channel: 'online',
              section: null,
              textRaw: opinionText(n),
              textPublic: opinionText(n),
              contact: null,
              idempotencyKey: `raw-${run}-${n}`,
              requestHash: 'x'.repeat(64),
              receivedAt: new Date().toISOString(),
              status: 'published',
              withheldReason: null,
            })
            .execute();
        },
      },
    ];
    // A throughput figure needs every connection busy for a while: at 64 connections, 200 samples would be
    // three requests each, mostly ramp-up. The high-concurrency run takes BENCH_INTAKE_SAMPLES (20,000).
    await measure(intake, [['opinion-intake', 'raw-insert']], [1, settings.intakeConcurrency], (concurrency) =>
      concurrency === 1
        ? settings
        : { samples: settings.intakeSamples, warmup: Math.round(settings.intakeSamples / 10) },
    );
  }
}

/** The API figures (staff updates, intake, reads): one dev server, then each app database in turn. */
async function benchApi(settings: Settings, teardown: Teardown): Promise<DatabaseResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-'));
  teardown.defer('remove the temp folder', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  let temporal: { address: string; namespace: string };
  if (settings.apiTemporal === 'cluster') {
    // BENCH_API_TEMPORAL=cluster: the same figures and baselines on the production topology (issue 15 item 5).
    const admin = temporalPostgresAdmin(settings);
    if (!admin) throw new Error('BENCH_API_TEMPORAL=cluster needs BENCH_DATABASE_URL or BENCH_TEMPORAL_POSTGRES_URL');
    const cluster = await startBenchCluster(ROOT, admin, join(dir, 'cluster'), {
      defer: (what, run) => teardown.defer(what, run),
      log: (message) => log(`api: cluster: ${message}`),
    });
    temporal = { address: cluster.address, namespace: cluster.namespace };
  } else {
    const cli = provisionTemporalCli(ROOT);
    log(`Temporal dev server (${cli})`);
    const server = await startDevServer({ cli, port: await freePort(), logFile: join(dir, 'temporal.log') });
    teardown.defer('stop the dev server', () => server.stop());
    if (settings.pinning) pinProcess(server.process.pid!, settings.pinning.servers);
    temporal = { address: server.address, namespace: 'default' };
  }

  const connection = await Connection.connect({ address: temporal.address });
  teardown.defer('close the client connection', () => connection.close());
  await ensureSearchAttributes(connection, temporal.namespace);
  const client = new Client({ connection, namespace: temporal.namespace });

  // The baselines' worker: in this process, its own task queue, the trivial workflow and its no-op activity.
  const trivialQueue = `bench-trivial-${randomBytes(3).toString('hex')}`;
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  teardown.defer('close the worker connection', () => nativeConnection.close());
  const activities: TrivialActivities = { noop: () => Promise.resolve() };
  const trivialWorker = await Worker.create({
    connection: nativeConnection,
    namespace: temporal.namespace,
    taskQueue: trivialQueue,
    workflowsPath: require.resolve('./trivial.workflow'),
    activities,
  });
  const trivialRun = trivialWorker.run();
  teardown.defer('stop the trivial worker', async () => {
    if (trivialWorker.getState() === 'RUNNING') trivialWorker.shutdown();
    await trivialRun;
  });

  const shared: Shared = {
    settings,
    temporalAddress: temporal.address,
    namespace: temporal.namespace,
    client,
    trivialQueue,
    teardown,
  };
  const databases: DatabaseResult[] = [];
  for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    databases.push(await benchDatabase(kind, shared));
  }
  return databases;
}

/** One and two gateways + workers on their own in-memory dev server (BENCH_ONLY=replicas; see replicas.ts). */
async function replicaFigures(settings: Settings, teardown: Teardown): Promise<ReplicaFigures[]> {
  const mark = teardown.mark();
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-replicas-'));
  teardown.defer('remove the replicas temp folder', () =>
    Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  );
  const server = await startDevServer({
    cli: provisionTemporalCli(ROOT),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  teardown.defer('stop the replicas dev server', () => server.stop());
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  await connection.close();
  const options = {
    root: ROOT,
    temporalAddress: server.address,
    password: PASSWORD,
    adminUrl: settings.databaseUrl,
    opinionSamples: positiveInt('BENCH_REPLICA_OPINIONS', 10_000),
    staffSamples: positiveInt('BENCH_REPLICA_ACTIONS', 600),
    opinionConcurrency: settings.intakeConcurrency,
    staffConcurrency: settings.throughputConcurrency,
    rounds: settings.rounds,
    signal: interruption.signal,
    defer: (what: string, run: () => Promise<unknown>) => teardown.defer(what, run),
    log,
  };
  const systems = [await startReplicaSystem(1, options), await startReplicaSystem(2, options)];
  const figures = await measureReplicas(systems, options);
  if (!(await teardown.unwindTo(mark))) throw new Error('replicas: teardown failed');
  return figures;
}

/**
 * The dev server beside the production topology (BENCH_ONLY=cluster; see cluster.ts). Temporal's databases go on
 * BENCH_TEMPORAL_POSTGRES_URL's server, else BENCH_DATABASE_URL's; without either the group is skipped.
 */
async function clusterFigures(settings: Settings, teardown: Teardown): Promise<ClusterFigure[]> {
  const server = process.env['BENCH_TEMPORAL_POSTGRES_URL'] || settings.databaseUrl;
  if (!server) {
    log('cluster: skipped (set BENCH_DATABASE_URL or BENCH_TEMPORAL_POSTGRES_URL: Temporal needs PostgreSQL)');
    return [];
  }
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const mark = teardown.mark();
  const figures = await benchCluster({
    root: ROOT,
    temporalPostgresUrl: admin.toString(),
    password: PASSWORD,
    adminUrl: settings.databaseUrl,
    opinionSamples: 0,
    opinionConcurrency: 1,
    registrationSamples: positiveInt('BENCH_CLUSTER_REGISTRATIONS', 400),
    staffSamples: positiveInt('BENCH_CLUSTER_ACTIONS', 400),
    staffConcurrency: settings.throughputConcurrency,
    rounds: settings.rounds,
    signal: interruption.signal,
    defer: (what, run) => teardown.defer(what, run),
    log,
  });
  if (!(await teardown.unwindTo(mark))) throw new Error('cluster: teardown failed');
  return figures;
}

/**
 * Open decisions with live timers (BENCH_ONLY=timers; see timers.ts): BENCH_TIMER_DECISIONS (default 10,000) and a
 * batch of BENCH_TIMER_BATCH (default 1,000) due together, on the dev server and, when Temporal can have
 * PostgreSQL (BENCH_TEMPORAL_POSTGRES_URL or BENCH_DATABASE_URL), on the cluster.
 */
async function timerFigures(settings: Settings, teardown: Teardown): Promise<TimerFigures[]> {
  const server = process.env['BENCH_TEMPORAL_POSTGRES_URL'] || settings.databaseUrl;
  const admin = server ? new URL(server) : undefined;
  if (admin) admin.pathname = '/postgres';
  const mark = teardown.mark();
  const figures = await benchTimers({
    root: ROOT,
    password: PASSWORD,
    adminUrl: settings.databaseUrl,
    temporalPostgresUrl: admin?.toString(),
    decisions: positiveInt('BENCH_TIMER_DECISIONS', 10_000),
    batch: positiveInt('BENCH_TIMER_BATCH', 1_000),
    concurrency: settings.throughputConcurrency,
    signal: interruption.signal,
    defer: (what, run) => teardown.defer(what, run),
    log,
  });
  if (!(await teardown.unwindTo(mark))) throw new Error('timers: teardown failed');
  return figures;
}

async function main(): Promise<void> {
  const settings = readSettings();
  const teardown = new Teardown();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interruption.abort(new Error(`${signal}: interrupted`));
      log(`${signal}: tearing down`);
      void teardown.unwindTo(0).finally(() => process.exit(130));
    });
  }
  const startedAt = new Date();
  const loadAverageAtStart = loadavg();
  try {
    ensureBuilt();
    if (settings.pinning) pinProcess(process.pid, settings.pinning.loadGenerator);
    Runtime.install({ logger: new DefaultLogger('WARN') });

    const databases = ['api', 'staff', 'intake'].some((group) => settings.groups.has(group))
      ? await benchApi(settings, teardown)
      : [];
    const million: MillionResult[] = [];
    if (settings.groups.has('million') && settings.million > 0) {
      for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
        const mark = teardown.mark();
        million.push(
          await benchMillion({
            root: ROOT,
            kind,
            count: settings.million,
            password: PASSWORD,
            adminUrl: settings.databaseUrl,
            defer: (what, run) => teardown.defer(what, run),
            log,
          }),
        );
        if (!(await teardown.unwindTo(mark))) throw new Error(`${kind}: million-opinion teardown failed`);
      }
    }

    const replicas = settings.groups.has('replicas') ? await replicaFigures(settings, teardown) : [];
    const calendar: CalendarFigures[] = [];
    if (settings.groups.has('calendar')) {
      for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
        const decisions = positiveInt('BENCH_CALENDAR_DECISIONS', 1_000);
        calendar.push(
          await benchCalendar({
            root: ROOT,
            kind,
            decisions,
            concurrency: settings.throughputConcurrency,
            password: PASSWORD,
            adminUrl: settings.databaseUrl,
            log,
          }),
        );
      }
    }

    const flood: FloodFigure[] = [];
    let floodPinning = 'unpinned';
    if (settings.groups.has('flood')) {
      const mark = teardown.mark();
      const connections = positiveInt('BENCH_FLOOD_CONNECTIONS', 64);
      // The flood is pinned apart from the gateway with 2 CPUs too (BENCH_PIN=0 turns it off): otherwise the kernel's scheduling dominates.
      const pinning =
        settings.pinning ?? choosePinning(settings.pinMode === 'auto' ? '1' : settings.pinMode, cpus().length);
      if (pinning)
        floodPinning = `wrk and the measuring client on CPU ${pinning.loadGenerator}, the gateway on CPU ${pinning.servers}`;
      flood.push(
        ...(await benchFlood({
          root: ROOT,
          password: PASSWORD,
          connections,
          samples: settings.samples,
          rounds: settings.rounds,
          pinning,
          defer: (what, run) => teardown.defer(what, run),
          log,
        })),
      );
      if (!(await teardown.unwindTo(mark))) throw new Error('flood: teardown failed');
    }

    const cluster = settings.groups.has('cluster') ? await clusterFigures(settings, teardown) : [];
    const timers = settings.groups.has('timers') ? await timerFigures(settings, teardown) : [];
    const reads: ReadFigure[] = [];
    if (settings.groups.has('reads')) {
      for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
        const mark = teardown.mark();
        reads.push(
          ...(await benchReads({
            root: ROOT,
            password: PASSWORD,
            adminUrl: kind === 'postgres' ? settings.databaseUrl : undefined,
            decisions: positiveInt('BENCH_READ_DECISIONS', 50),
            connections: settings.throughputConcurrency,
            seconds: positiveInt('BENCH_READ_SECONDS', 5),
            rounds: settings.rounds,
            defer: (what, run) => teardown.defer(what, run),
            log,
          })),
        );
        if (!(await teardown.unwindTo(mark))) throw new Error(`${kind}: reads teardown failed`);
      }
    }
    const transparency: TransparencyFigures[] = [];
    if (settings.groups.has('tlog')) {
      for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
        transparency.push(
          await benchTransparency({
            kind,
            leaves: positiveInt('BENCH_TLOG_LEAVES', 1_000_000),
            samples: positiveInt('BENCH_TLOG_SAMPLES', 200),
            password: PASSWORD,
            adminUrl: settings.databaseUrl,
            log,
          }),
        );
      }
    }

    const treeCost: TreeCostFigure[] = [];
    if (settings.groups.has('tlog-staff')) {
      const mark = teardown.mark();
      treeCost.push(
        ...(await benchTreeCost({
          root: ROOT,
          kinds: settings.databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'],
          password: PASSWORD,
          adminUrl: settings.databaseUrl,
          staffSamples: settings.samples,
          samples: settings.samples,
          warmup: settings.warmup,
          rounds: settings.rounds,
          signal: interruption.signal,
          defer: (what, run) => teardown.defer(what, run),
          log,
        })),
      );
      if (!(await teardown.unwindTo(mark))) throw new Error('tree cost: teardown failed');
    }

    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      durationSec: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        loadAverageAtStart,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      settings: {
        samples: settings.samples,
        warmup: settings.warmup,
        rounds: settings.rounds,
        latencyConcurrency: settings.latencyConcurrency,
        throughputConcurrency: settings.throughputConcurrency,
        pinning: settings.pinning
          ? `load generator CPU ${settings.pinning.loadGenerator}, servers CPU ${settings.pinning.servers}`
          : `off (BENCH_PIN=${settings.pinMode})`,
      },
      databases,
      million,
      replicas,
      calendar,
      flood,
      cluster,
      timers,
      reads,
      transparency,
      treeCost,
    };
    const file = join(ROOT, 'build-output', 'bench', 'results.json');
    writeResults(file, results);
    console.log(
      `\nOpen Decision benchmarks, ${results.startedAt} — ${results.machine.cpus} CPUs (${results.machine.cpuModel}), ${results.machine.node}, ` +
        `load ${loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')} at start\n` +
        `${settings.samples} samples per figure and concurrency after ${settings.warmup} warm-up, in ${settings.rounds} interleaved rounds; ` +
        `pinning ${results.settings.pinning}. ops/s = concurrency ÷ mean latency. Ratio = figure ÷ baseline, same run.`,
    );
    for (const result of databases)
      console.log(
        `\n${result.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} app database, Temporal: ${settings.apiTemporal}\n${formatTable(result)}`,
      );
    for (const result of million)
      console.log(
        `\n${result.opinions.toLocaleString('en')} opinions: seal + clustering + statistics, ${result.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}\n${formatMillion(result)}`,
      );
    if (replicas.length > 0)
      console.log(`\nThroughput with one and two gateways + workers (same machine)\n${formatReplicas(replicas)}`);
    if (calendar.length > 0) console.log(`\nWorking-day calendar change (ADR 23)\n${formatCalendar(calendar)}`);
    if (flood.length > 0)
      console.log(
        `\nAnother client's read p50 under a ${positiveInt('BENCH_FLOOD_CONNECTIONS', 64)}-connection wrk flood from one address, ${floodPinning} (target ratio ≤ 2 with the default)\n${formatFlood(flood)}`,
      );
    if (cluster.length > 0)
      console.log(
        `\nThe production topology (npm run cluster: separate temporal-server processes on PostgreSQL) beside the dev server, concurrency ${settings.throughputConcurrency}\n${formatCluster(cluster)}`,
      );
    if (reads.length > 0)
      console.log(
        `\nPublic reads under wrk (not Node; wrk on CPU 0, the gateway alone on CPU 1 where taskset works), ${settings.throughputConcurrency} connections (target: timeline ≥ ×0.7 /health/live)\n${formatReads(reads)}`,
      );
    if (timers.length > 0)
      console.log(
        `\nOpen decisions with live timers and a batch of deadlines due together (worker as its own process, Temporal client at concurrency ${settings.throughputConcurrency})\n${formatTimers(timers)}`,
      );
    if (transparency.length > 0)
      console.log(
        `\nTransparency log (ADR 54, 55): appends, proofs and a checkpoint\n${formatTransparency(transparency)}`,
      );
    if (treeCost.length > 0)
      console.log(
        `\nA staff action (POST …/draft-versions, concurrency 1) with the transparency tree vs without it (ADR 0110; target ≤ ×1.2)\n${formatTreeCost(treeCost)}`,
      );
    console.log(`\nResults: ${file} (${results.durationSec} s)`);
  } finally {
    if (!interruption.signal.aborted && !(await teardown.unwindTo(0))) process.exitCode = 1;
  }
}

// After SIGINT/SIGTERM the signal handler tears down and exits; main's own outcome no longer matters.
main().then(
  () => {
    if (!interruption.signal.aborted) process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    if (interruption.signal.aborted) return;
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
