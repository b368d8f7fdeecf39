import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionTemporalCli, startDevServer } from '../../apps/embedded/src/dev-server';
import { aRegistration } from '../support/decisions';
import { call, login } from '../support/http';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { pinProcess, startApp, waitForHttp } from './processes';

/**
 * The `reads` group (issue 15, BENCH_ONLY=reads): public reads measured by a load generator that is not Node
 * (Debian's `wrk`) on a core of its own. One gateway pinned to the last CPU; wrk, the dev server and the worker
 * on CPU 0 (they are idle while reads run). Decisions are registered over HTTP first, each with one public log
 * entry. Each figure is a wrk run of `seconds` at `connections` keep-alive connections, cycling over the
 * decisions (a Lua script), in `rounds` interleaved rounds; requests/s and wrk's latency p50 / p99. Ratio =
 * requests/s of the trivial endpoint of the same gateway (`/health/live`) ÷ the figure's (how many times
 * costlier a read is). The conditional figures send the ETag of the first answer (`If-None-Match`) and must be
 * answered 304: what a cache in front, or a browser, costs the gateway when nothing changed.
 */
export interface ReadFigure {
  name: string;
  database: 'sqlite' | 'postgres';
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Trivial endpoint's requests/s ÷ this figure's (1 = as cheap as /health/live). */
  costRatio: number;
  /** This figure's requests/s ÷ the trivial endpoint's (the target: timeline ≥ 0.7). */
  throughputRatio: number;
}

export interface ReadBenchOptions {
  root: string;
  password: string;
  adminUrl: string | undefined;
  decisions: number;
  connections: number;
  seconds: number;
  rounds: number;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
}

/** wrk's Lua: cycle over the paths; optionally send one If-None-Match per path and expect 304. */
function luaScript(paths: string[], etags: Array<string | undefined>): string {
  const list = (values: Array<string | undefined>) =>
    `{${values.map((v) => (v === undefined ? 'false' : JSON.stringify(v))).join(',')}}`;
  return `
local paths = ${list(paths)}
local etags = ${list(etags)}
local i = 0
request = function()
  i = (i % #paths) + 1
  local headers = {}
  if etags[i] then headers["If-None-Match"] = etags[i] end
  return wrk.format("GET", paths[i], headers)
end
`;
}

interface WrkResult {
  requests: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  unexpected: number;
}

const toMs = (value: string, unit: string): number =>
  Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

function runWrk(base: string, script: string, options: ReadBenchOptions, cpu: string | undefined): Promise<WrkResult> {
  const args = [
    '-t',
    '1',
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '--latency',
    '-s',
    script,
    base,
  ];
  const [command, argv] = cpu ? ['taskset', ['-c', cpu, 'wrk', ...args]] : ['wrk', args];
  return new Promise((resolve, reject) => {
    const wrk = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    wrk.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    wrk.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    wrk.once('error', reject);
    wrk.once('exit', (code) => {
      const requests = /(\d+) requests in ([\d.]+)(ms|s|m)/.exec(out);
      const p50 = /\s50%\s+([\d.]+)(us|ms|s|m)/.exec(out);
      const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)/.exec(out);
      if (code !== 0 || !requests || !p50 || !p99) return reject(new Error(`wrk failed (${code}):\n${out}`));
      resolve({
        requests: Number(requests[1]),
        seconds: toMs(requests[2]!, requests[3]!) / 1000,
        p50Ms: toMs(p50[1]!, p50[2]!),
        p99Ms: toMs(p99[1]!, p99[2]!),
        unexpected: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
      });
    });
  });
}

export async function benchReads(options: ReadBenchOptions): Promise<ReadFigure[]> {
  if (spawnSync('wrk', ['--version']).error) throw new Error('the reads group needs wrk on PATH (apt-get install wrk)');
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-reads-'));
  options.defer('remove the reads temp folder', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const kind = options.adminUrl ? 'postgres' : 'sqlite';
  const pinned = spawnSync('taskset', ['-p', String(process.pid)]).status === 0;
  const cpus = pinned ? { load: '0', gateway: '1' } : undefined;
  if (cpus) pinProcess(process.pid, cpus.load);

  const dev = await startDevServer({
    cli: provisionTemporalCli(options.root),
    port: await freePort(),
    logFile: join(dir, 'temporal.log'),
  });
  options.defer('stop the reads dev server', () => dev.stop());
  if (cpus && dev.process.pid) pinProcess(dev.process.pid, cpus.load);
  const database = await createBenchDatabase(kind, options.password, options.adminUrl);
  options.defer('drop the reads database', () => database.drop());
  const port = await freePort();
  const common = {
    TEMPORAL_ADDRESS: dev.address,
    TASK_QUEUE: `bench-reads-${randomBytes(3).toString('hex')}`,
    DATABASE_URL: database.url,
    DB_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
  };
  const worker = startApp(options.root, 'worker', common, cpus?.load);
  options.defer('stop the reads worker', () => worker.stop());
  const gateway = startApp(
    options.root,
    'gateway',
    {
      ...common,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: randomBytes(24).toString('hex'),
      CLIENT_MAX_IN_FLIGHT: '1000',
      CLIENT_MAX_LOOP_SHARE: '1',
    },
    cpus?.gateway,
  );
  options.defer('stop the reads gateway', () => gateway.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health/ready`, gateway, 60_000);

  const drafter = await login(base, 'drafter', options.password);
  options.log(`reads: registering ${options.decisions} decisions`);
  const ids: string[] = [];
  for (let n = 0; n < options.decisions; n += 1) {
    const reply = await call<{ decisionId: string }>(base, 'POST', '/api/v1/decisions', {
      token: drafter,
      json: aRegistration({ title: `基准读取第${n + 1}号决定` }),
    });
    if (reply.status !== 201) throw new Error(`reads: registration answered ${reply.status}`);
    ids.push(reply.body.decisionId);
  }
  const etagOf = async (path: string): Promise<string> => {
    const response = await fetch(`${base}${path}`);
    await response.arrayBuffer();
    const etag = response.headers.get('etag');
    if (response.status !== 200 || !etag) throw new Error(`reads: ${path} answered ${response.status} without an ETag`);
    return etag;
  };
  const timelines = ids.map((id) => `/api/v1/public/decisions/${id}/timeline`);
  const pages = ids.map((id) => `/decisions/${id}`);
  const figures = [
    { name: '`GET /health/live` (baseline)', paths: ['/health/live'], conditional: false },
    { name: 'Timeline `GET …/{id}/timeline`', paths: timelines, conditional: false },
    { name: 'Timeline, `If-None-Match` → 304', paths: timelines, conditional: true },
    { name: 'Decision page `GET /decisions/{id}`', paths: pages, conditional: false },
    { name: 'Decision page, `If-None-Match` → 304', paths: pages, conditional: true },
    {
      name: 'Catalogue `GET /decisions?q=决定`',
      paths: [`/decisions?q=${encodeURIComponent('决定')}`],
      conditional: false,
    },
  ];
  const scripts: string[] = [];
  for (const [i, figure] of figures.entries()) {
    const etags = figure.conditional ? await Promise.all(figure.paths.map(etagOf)) : figure.paths.map(() => undefined);
    const file = join(dir, `read-${i}.lua`);
    writeFileSync(file, luaScript(figure.paths, etags));
    scripts.push(file);
  }
  const totals = figures.map(() => ({ requests: 0, seconds: 0, p50: [] as number[], p99: [] as number[] }));
  for (const [i] of figures.entries()) await runWrk(base, scripts[i]!, { ...options, seconds: 2 }, cpus?.load); // warm-up
  for (let round = 0; round < options.rounds; round += 1) {
    options.log(`reads: round ${round + 1} of ${options.rounds}`);
    for (let k = 0; k < figures.length; k += 1) {
      const i = (k + round) % figures.length;
      const result = await runWrk(base, scripts[i]!, options, cpus?.load);
      gateway.assertRunning();
      if (result.unexpected > 0)
        throw new Error(`reads: ${figures[i]!.name} got ${result.unexpected} answers that were not 2xx/3xx`);
      totals[i]!.requests += result.requests;
      totals[i]!.seconds += result.seconds;
      totals[i]!.p50.push(result.p50Ms);
      totals[i]!.p99.push(result.p99Ms);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rates = totals.map((t) => t.requests / t.seconds);
  return figures.map((figure, i) => ({
    name: figure.name,
    database: kind,
    requestsPerSec: rates[i]!,
    p50Ms: median(totals[i]!.p50),
    p99Ms: median(totals[i]!.p99),
    costRatio: rates[0]! / rates[i]!,
    throughputRatio: rates[i]! / rates[0]!,
  }));
}

export function formatReads(figures: ReadFigure[]): string {
  return [
    '| Read | DB | requests/s | p50 ms | p99 ms | × `/health/live` requests/s |',
    '|---|---|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.name} | ${f.database} | ${f.requestsPerSec.toFixed(0)} | ${f.p50Ms.toFixed(2)} | ${f.p99Ms.toFixed(2)} | ×${f.throughputRatio.toFixed(2)} |`,
    ),
  ].join('\n');
}
