import { randomBytes } from 'node:crypto';
import { aRegistration } from '../support/decisions';
import { login } from '../support/http';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { keepAliveClient } from './http-load';
import { runOperations } from './measure';
import { startApp, waitForHttp, type AppProcess } from './processes';

/**
 * Throughput with one and with two gateways and workers on this machine (issue 6; BENCH_ONLY=replicas):
 * opinions/s through the gateways and staff actions/s (decisions moved), each with its ratio two:one.
 * Per replica count a fresh app database (PostgreSQL with BENCH_DATABASE_URL, else SQLite), its own task
 * queue on the shared dev server; the load goes round-robin to the gateways. Throughput = operations ÷
 * wall time of a closed loop at fixed concurrency, after a warm-up; the systems run side by side and are
 * measured in interleaved rounds.
 */
export interface ReplicaFigures {
  replicas: number;
  database: 'sqlite' | 'postgres';
  opinionsPerSec: number;
  staffActionsPerSec: number;
}

export interface ReplicaBenchOptions {
  root: string;
  temporalAddress: string;
  password: string;
  adminUrl: string | undefined;
  opinionSamples: number;
  staffSamples: number;
  opinionConcurrency: number;
  staffConcurrency: number;
  signal: AbortSignal;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
  /** The Temporal namespace (default: the apps' default, `default`). */
  namespace?: string;
  /** A bench-only worker entry under dist/ instead of the worker's main (the tree-cost figure, ADR 0110). */
  workerEntry?: string;
  /** A prebuilt workflow bundle for the workers (WORKFLOW_BUNDLE); otherwise each bundles at start. */
  workflowBundle?: string;
}

async function post(
  url: string,
  token: string | undefined,
  body: unknown,
  status: number,
  signal: AbortSignal,
  idempotencyKey?: string,
): Promise<any> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.any([signal, AbortSignal.timeout(60_000)]),
  });
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`POST ${url} answered ${response.status}, expected ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** One system under load: its two operations and a liveness check. */
export interface ReplicaSystem {
  replicas: number;
  database: 'sqlite' | 'postgres';
  opinion: (slot: number) => Promise<void>;
  staffAction: (slot: number) => Promise<void>;
  /** Registers a new decision (an Update-With-Start). */
  registration: (slot: number) => Promise<void>;
  check: () => void;
  /** The DATABASE_URL of its apps. */
  databaseUrl: string;
}

/** Starts `replicas` gateways + workers on a fresh database, ready for load; everything is stopped by the caller's teardown. */
export async function startReplicaSystem(replicas: number, options: ReplicaBenchOptions): Promise<ReplicaSystem> {
  const { signal } = options;
  const log = (message: string): void => options.log(message);
  const kind = options.adminUrl ? 'postgres' : 'sqlite';
  const database = await createBenchDatabase(kind, options.password, options.adminUrl);
  options.defer(`drop the ${replicas}-replica database`, () => database.drop());
  const run = randomBytes(3).toString('hex');
  const common = {
    TEMPORAL_ADDRESS: options.temporalAddress,
    TASK_QUEUE: `bench-replicas-${replicas}-${run}`,
    DATABASE_URL: database.url,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
    ...(options.namespace ? { TEMPORAL_NAMESPACE: options.namespace } : {}),
    ...(options.workflowBundle ? { WORKFLOW_BUNDLE: options.workflowBundle } : {}),
  };
  const ports = await Promise.all(Array.from({ length: replicas }, () => freePort()));
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const secret = randomBytes(24).toString('hex');
  const apps: AppProcess[] = [];
  for (const [n, port] of ports.entries()) {
    apps.push(startApp(options.root, 'worker', common, undefined, options.workerEntry));
    apps.push(
      startApp(options.root, 'gateway', {
        ...common,
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_SECRET: secret,
        OPINION_BURST: '1000000000',
        OPINION_RATE_PER_MINUTE: '1000000000',
        CLIENT_MAX_IN_FLIGHT: '1000',
        CLIENT_MAX_LOOP_SHARE: '1',
      }),
    );
    await waitForHttp(`${bases[n]}/health/ready`, apps.at(-1)!, 60_000);
  }
  for (const app of apps) options.defer(`stop the ${replicas}-replica ${app.name}`, () => app.stop());
  const check = (): void => apps.forEach((app) => app.assertRunning());
  const base = (i: number): string => bases[i % replicas]!;
  const [drafter, reviewer, manager] = (await Promise.all(
    ['drafter', 'reviewer', 'manager'].map((user) => login(bases[0]!, user, options.password)),
  )) as [string, string, string];

  log(`replicas ${replicas}: registering (the first waits for the workers to bundle)`);
  const ids: string[] = [];
  // The first waits for the workers to bundle the workflows, which can outlast the gateway's 10-s bound on a
  // loaded machine: retried with one Idempotency-Key, it is applied once.
  for (let attempt = 1; ids.length === 0; attempt += 1) {
    try {
      const first = await post(`${base(0)}/api/v1/decisions`, drafter, aRegistration(), 201, signal, `first-${run}`);
      ids.push(first.decisionId as string);
    } catch (error) {
      if (attempt >= 12 || !String(error).includes('OUTCOME_UNKNOWN'))
        throw new Error(`${String(error)}\n${apps.map((app) => `${app.name}:\n${app.output()}`).join('\n')}`, {
          cause: error,
        });
      check();
    }
  }
  for (let slot = 1; slot < options.staffConcurrency; slot += 1)
    ids.push(
      (await post(`${base(slot)}/api/v1/decisions`, drafter, aRegistration(), 201, signal)).decisionId as string,
    );
  const consultation = ids[0]!;
  const act = (action: string, token: string, body: unknown = {}): Promise<any> =>
    post(`${bases[0]}/api/v1/decisions/${consultation}/${action}`, token, body, 200, signal);
  await act('draft-versions', drafter, { draft: '草案', basis: '依据', explanation: '说明' });
  await act('consultation-plan', drafter, {
    channels: ['online'],
    opensAt: new Date(Date.now() + 1_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    shortenedReason: 'benchmark',
  });
  await act('shortened-consultation-approval', manager);
  await act('approve', reviewer, { reviewId: (await act('submit-for-publication', drafter)).reviews.at(-1).id });
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const load = keepAliveClient(signal, 30_000);
  options.defer('close the replica load client', () => Promise.resolve(load.close()));
  let opinions = 0;
  const opinion = async (): Promise<void> => {
    const n = (opinions += 1);
    await load.post(
      `${base(n)}/api/v1/public/decisions/${consultation}/opinions`,
      { 'content-type': 'application/json', 'idempotency-key': `r${replicas}-${run}-${n}` },
      JSON.stringify({ text: `建议第${n % 50}条补贴标准提高，并简化申领流程。` }),
      201,
    );
  };
  let actions = 0;
  const staffAction = async (slot: number): Promise<void> => {
    const n = (actions += 1);
    // Decisions other than the consultation, one per loop; gateways alternate per request.
    const id = ids[1 + (slot % (ids.length - 1))]!;
    await load.post(
      `${base(n)}/api/v1/decisions/${id}/draft-versions`,
      { 'content-type': 'application/json', authorization: `Bearer ${drafter}` },
      JSON.stringify({ draft: `第${n}版`, basis: '依据', explanation: '说明' }),
      200,
    );
  };
  let registrations = 0;
  const registration = async (): Promise<void> => {
    const n = (registrations += 1);
    await load.post(
      `${base(n)}/api/v1/decisions`,
      { 'content-type': 'application/json', authorization: `Bearer ${drafter}` },
      JSON.stringify(aRegistration({ title: `基准登记第${n}号` })),
      201,
    );
  };
  return { replicas, database: kind, opinion, staffAction, registration, check, databaseUrl: database.url };
}

/**
 * Measures the systems interleaved (DESIGN.md §8): a warm-up of each, then `rounds` rounds, each
 * running every system for its share of the samples in an order rotated per round, so that a slow
 * spell of this shared machine falls on all of them alike. Throughput = operations ÷ summed wall time.
 */
export async function measureReplicas(
  systems: ReplicaSystem[],
  options: ReplicaBenchOptions & { rounds: number },
): Promise<ReplicaFigures[]> {
  const { signal } = options;
  const totals = systems.map(() => ({ opinions: { n: 0, ms: 0 }, actions: { n: 0, ms: 0 } }));
  const kinds = [
    {
      key: 'opinions',
      op: (s: ReplicaSystem) => s.opinion,
      samples: options.opinionSamples,
      concurrency: options.opinionConcurrency,
    },
    {
      key: 'actions',
      op: (s: ReplicaSystem) => s.staffAction,
      samples: options.staffSamples,
      concurrency: options.staffConcurrency,
    },
  ] as const;
  for (const kind of kinds) {
    for (const system of systems)
      await runOperations(kind.op(system), Math.round(kind.samples / 10), kind.concurrency, signal);
    for (let round = 0; round < options.rounds; round += 1) {
      options.log(`replicas: ${kind.key}, round ${round + 1} of ${options.rounds}`);
      for (let i = 0; i < systems.length; i += 1) {
        const index = (i + round) % systems.length;
        const system = systems[index]!;
        const { latenciesMs, wallMs } = await runOperations(
          kind.op(system),
          Math.round(kind.samples / options.rounds),
          kind.concurrency,
          signal,
        );
        system.check();
        totals[index]![kind.key].n += latenciesMs.length;
        totals[index]![kind.key].ms += wallMs;
      }
    }
  }
  return systems.map((system, i) => ({
    replicas: system.replicas,
    database: system.database,
    opinionsPerSec: totals[i]!.opinions.n / (totals[i]!.opinions.ms / 1000),
    staffActionsPerSec: totals[i]!.actions.n / (totals[i]!.actions.ms / 1000),
  }));
}

/** The table: one row per replica count, then the ratio of the last to the first. */
export function formatReplicas(figures: ReplicaFigures[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.replicas} gateway(s) + ${f.replicas} worker(s) | ${f.database} | ${f.opinionsPerSec.toFixed(0)} | ${f.staffActionsPerSec.toFixed(1)} |`,
  );
  const [one, two] = [figures[0], figures.at(-1)];
  if (one && two && one !== two)
    rows.push(
      `| ratio ${two.replicas}:${one.replicas} | | ×${(two.opinionsPerSec / one.opinionsPerSec).toFixed(2)} | ×${(two.staffActionsPerSec / one.staffActionsPerSec).toFixed(2)} |`,
    );
  return ['| Replicas | DB | opinions/s | staff actions/s |', '|---|---|---:|---:|', ...rows].join('\n');
}
