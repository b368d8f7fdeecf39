import { Client, Connection, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSearchAttributes, provisionTemporalCli, startDevServer } from '../../libs/temporal/src';
import { aRegistration } from '../support/decisions';
import { login } from '../support/http';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { measureGroup, type Figure, type Stats } from './measure';
import { choosePinning, findRepoRoot, pinProcess, startApp, waitForHttp, type AppProcess, type Pinning } from './processes';
import { formatTable, ratioOf, writeResults, type BenchResults, type DatabaseResult, type FigureResult } from './report';
import { incrementAfterActivityUpdate, incrementUpdate, trivialWorkflow, type TrivialActivities } from './trivial.workflow';

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
}

function positiveInt(name: string, fallback: number, text = process.env[name]): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
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
    warmup: process.env['BENCH_WARMUP'] === '0' ? 0 : positiveInt('BENCH_WARMUP', Math.max(10, Math.round(samples / 10))),
    rounds: positiveInt('BENCH_ROUNDS', 4),
    latencyConcurrency,
    throughputConcurrency,
    pinning: choosePinning(pinMode, cpus().length),
    pinMode,
    databaseUrl: process.env['BENCH_DATABASE_URL'] || undefined,
  };
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
  const response = await fetch(url, { ...init, signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), interruption.signal]) });
  const body = await response.text();
  if (response.status !== status) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${status}: ${body.slice(0, 500)}`);
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
  client: Client;
  trivialQueue: string;
  teardown: Teardown;
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
    TASK_QUEUE: `bench-decisions-${kind}-${run}`,
    DATABASE_URL: database.url,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
  };
  const servers = settings.pinning?.servers;
  // The worker bundles the workflows at start, as `npm start` runs it (no WORKFLOW_BUNDLE).
  const apps: AppProcess[] = [
    startApp(ROOT, 'worker', common, servers),
    startApp(ROOT, 'gateway', { ...common, PORT: String(port), HOST: '127.0.0.1', AUTH_SECRET: randomBytes(24).toString('hex') }, servers),
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
  // The first registration waits for the worker to bundle the workflows and poll its task queue.
  const workerDied = worker.exited.then((code) => Promise.reject(new Error(`the worker exited with code ${code}`)));
  await Promise.race([register(120_000), workerDied]).catch((error: unknown) => {
    throw new Error(`first registration failed: ${String(error)}\nworker:\n${worker.output()}\ngateway:\n${gateway.output()}`);
  });
  workerDied.catch(() => undefined); // later exits are caught by check()

  // Bare updates go to already running trivial workflows, one per concurrent loop.
  const maxConcurrency = Math.max(settings.latencyConcurrency, settings.throughputConcurrency);
  const running: Array<WorkflowHandle<typeof trivialWorkflow>> = [];
  for (let slot = 0; slot < maxConcurrency; slot += 1) {
    running.push(await client.workflow.start(trivialWorkflow, { workflowId: `bench-update-${kind}-${run}-${slot}`, taskQueue: trivialQueue }));
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
    await withTimeout(client.workflow.executeUpdateWithStart(update, { args: [1], startWorkflowOperation }), OP_TIMEOUT_MS, update.name);
  };
  const staffUpdate: Figure[] = [
    { id: 'registration', label: 'Registration, POST /api/v1/decisions', op: () => register() },
    { id: 'update-with-start-activity', label: 'Baseline: update-with-start + no-op activity', op: trivialUpdateWithStart(incrementAfterActivityUpdate) },
    { id: 'update-with-start', label: 'Baseline: bare update-with-start', op: trivialUpdateWithStart(incrementUpdate) },
    {
      id: 'bare-update',
      label: 'Baseline: bare update',
      op: async (slot) => void (await withTimeout(running[slot]!.executeUpdate(incrementUpdate, { args: [1] }), OP_TIMEOUT_MS, 'update')),
    },
  ];
  // One decision per concurrent loop, so that staff updates do not queue behind each other on one workflow.
  const slotDecisions: string[] = [];
  for (let slot = 0; slot < maxConcurrency; slot += 1) {
    await register();
    slotDecisions.push(decisionIds.at(-1)!);
  }
  const draftInit: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ draft: '第一条 …', basis: '依据', explanation: '说明' }),
  };
  const staffAction: Figure[] = [
    {
      id: 'staff-update',
      label: 'Staff update, POST /api/v1/decisions/{id}/draft-versions',
      op: async (slot) => void (await request(`${base}/api/v1/decisions/${slotDecisions[slot]!}/draft-versions`, draftInit, 200)),
    },
    {
      id: 'bare-update-activity',
      label: 'Baseline: bare update + no-op activity',
      op: async (slot) => void (await withTimeout(running[slot]!.executeUpdate(incrementAfterActivityUpdate, { args: [1] }), OP_TIMEOUT_MS, 'update')),
    },
    {
      id: 'bare-update',
      label: 'Baseline: bare update',
      op: async (slot) => void (await withTimeout(running[slot]!.executeUpdate(incrementUpdate, { args: [1] }), OP_TIMEOUT_MS, 'update')),
    },
  ];
  const publicRead: Figure[] = [
    {
      id: 'timeline',
      label: 'Timeline, GET /api/v1/public/decisions/{id}/timeline',
      op: async () => void (await request(`${base}/api/v1/public/decisions/${decisionIds[(read += 1) % decisionIds.length]!}/timeline`, {}, 200)),
    },
    { id: 'live', label: 'Baseline: GET /health/live', op: async () => void (await request(`${base}/health/live`, {}, 200)) },
  ];

  const figures: FigureResult[] = [];
  const ratios: DatabaseResult['ratios'] = [];
  const measure = async (group: Figure[], comparisons: Array<[string, string]>): Promise<void> => {
    for (const concurrency of [...new Set([settings.latencyConcurrency, settings.throughputConcurrency])]) {
      log(`${kind}: ${group.map((figure) => figure.id).join(' / ')} at concurrency ${concurrency}`);
      const { samples, warmup, rounds } = settings;
      const stats = await measureGroup(group, { concurrency, samples, warmup, rounds, check, signal: interruption.signal });
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
  await measure(staffUpdate, [
    ['registration', 'update-with-start'],
    ['registration', 'bare-update'],
    ['registration', 'update-with-start-activity'],
  ]);
  await measure(staffAction, [
    ['staff-update', 'bare-update'],
    ['staff-update', 'bare-update-activity'],
  ]);
  await measure(publicRead, [['timeline', 'live']]);

  log(`${kind}: stopping`);
  await Promise.all(running.map((handle) => handle.signal('stop')));
  if (!(await teardown.unwindTo(mark))) throw new Error(`${kind}: teardown failed`);
  return { database: kind, figures, ratios };
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

    const dir = mkdtempSync(join(tmpdir(), 'od-bench-'));
    teardown.defer('remove the temp folder', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    const cli = provisionTemporalCli(ROOT);
    log(`Temporal dev server (${cli})`);
    const server = await startDevServer({ cli, port: await freePort(), logFile: join(dir, 'temporal.log') });
    teardown.defer('stop the dev server', () => server.stop());
    if (settings.pinning) pinProcess(server.process.pid!, settings.pinning.servers);

    const connection = await Connection.connect({ address: server.address });
    teardown.defer('close the client connection', () => connection.close());
    await ensureSearchAttributes(connection, 'default');
    const client = new Client({ connection });

    // The baselines' worker: in this process, its own task queue, the trivial workflow and its no-op activity.
    const trivialQueue = `bench-trivial-${randomBytes(3).toString('hex')}`;
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    teardown.defer('close the worker connection', () => nativeConnection.close());
    const activities: TrivialActivities = { noop: () => Promise.resolve() };
    const trivialWorker = await Worker.create({ connection: nativeConnection, taskQueue: trivialQueue, workflowsPath: require.resolve('./trivial.workflow'), activities });
    const trivialRun = trivialWorker.run();
    teardown.defer('stop the trivial worker', async () => {
      if (trivialWorker.getState() === 'RUNNING') trivialWorker.shutdown();
      await trivialRun;
    });

    const shared: Shared = { settings, temporalAddress: server.address, client, trivialQueue, teardown };
    const databases: DatabaseResult[] = [];
    for (const kind of settings.databaseUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
      databases.push(await benchDatabase(kind, shared));
    }

    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      durationSec: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverageAtStart, node: process.version, platform: `${process.platform}-${process.arch}` },
      settings: {
        samples: settings.samples,
        warmup: settings.warmup,
        rounds: settings.rounds,
        latencyConcurrency: settings.latencyConcurrency,
        throughputConcurrency: settings.throughputConcurrency,
        pinning: settings.pinning ? `load generator CPU ${settings.pinning.loadGenerator}, servers CPU ${settings.pinning.servers}` : `off (BENCH_PIN=${settings.pinMode})`,
      },
      databases,
    };
    const file = join(ROOT, 'build-output', 'bench', 'results.json');
    writeResults(file, results);
    console.log(
      `\nOpen Decision benchmarks, ${results.startedAt} — ${results.machine.cpus} CPUs (${results.machine.cpuModel}), ${results.machine.node}, ` +
        `load ${loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')} at start\n` +
        `${settings.samples} samples per figure and concurrency after ${settings.warmup} warm-up, in ${settings.rounds} interleaved rounds; ` +
        `pinning ${results.settings.pinning}. ops/s = concurrency ÷ mean latency. Ratio = figure ÷ baseline, same run.`,
    );
    for (const result of databases) console.log(`\n${result.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} app database\n${formatTable(result)}`);
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
