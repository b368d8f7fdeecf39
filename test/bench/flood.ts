import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { percentile } from './measure';
import { startApp, waitForHttp, type AppProcess, type Pinning } from './processes';

/** One run of the flood-isolation figure (issue 13): another client's read p50 idle and under a flood. */
export interface FloodFigure {
  /** Which fairness the gateway ran with: the default, ADR 32 alone, or none. */
  fairness: string;
  env: Record<string, string>;
  idleP50Ms: number;
  floodP50Ms: number;
  floodP99Ms: number;
  /** floodP50Ms ÷ idleP50Ms (target ≤ 2). */
  ratio: number;
  /** Requests the flood got answered per second, over its whole time (ramp-up included). */
  floodPerSec: number;
}

export interface FloodOptions {
  root: string;
  password: string;
  connections: number;
  samples: number;
  /** Rounds the samples are split into, every fairness setting in each (BENCH_ROUNDS). */
  rounds: number;
  /** The flood and the measuring client on `loadGenerator`, the gateway on `servers`; none: unpinned. */
  pinning: Pinning | undefined;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
}

const READ = '/api/v1/public/decisions?page=1';
const RAMP_MS = 2_000;

const RUNS: Array<{ fairness: string; env: Record<string, string> }> = [
  { fairness: 'default (ADR 32 + 35)', env: {} },
  { fairness: 'ADR 32 alone (CLIENT_MAX_LOOP_SHARE=1)', env: { CLIENT_MAX_LOOP_SHARE: '1' } },
  {
    fairness: 'none (CLIENT_MAX_IN_FLIGHT=1000, CLIENT_MAX_LOOP_SHARE=1)',
    env: { CLIENT_MAX_IN_FLIGHT: '1000', CLIENT_MAX_LOOP_SHARE: '1' },
  },
];

/** The measuring client, a process of its own: a warm-up, then `count` sequential reads from 127.0.0.3 on one keep-alive connection. */
const READER_SCRIPT = `
const http = require('node:http');
const [url, count] = [process.argv[1], Number(process.argv[2])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.3' });
const read = () => new Promise((resolve, reject) => http.get(url, { agent }, (res) => {
  res.resume();
  res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error('GET ' + url + ' answered ' + res.statusCode))));
}).on('error', reject));
(async () => {
  for (let i = 0; i < Math.max(10, count / 5); i++) await read();
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await read();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  agent.destroy();
  process.stdout.write(JSON.stringify(latencies));
})().catch((error) => { console.error(String(error)); process.exit(1); });
`;

const pinned = (cpus: string | undefined, command: string, args: string[]): [string, string[]] =>
  cpus ? ['taskset', ['-c', cpus, command, ...args]] : [command, args];

function readLatencies(url: string, count: number, cpus: string | undefined): Promise<number[]> {
  const [command, args] = pinned(cpus, process.execPath, ['-e', READER_SCRIPT, url, String(count)]);
  return new Promise((resolve, reject) => {
    const reader = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    reader.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    reader.once('error', reject);
    reader.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as number[])
        : reject(new Error(`the measuring client exited with ${code}: ${err}`)),
    );
  });
}

/** wrk (Debian package `wrk`): a load generator that is not Node, so the flood costs its own core little. */
function startWrk(
  url: string,
  connections: number,
  cpus: string | undefined,
): { stop(): Promise<{ answered: number; seconds: number; refused: number; output: string }> } {
  if (spawnSync('wrk', ['--version']).error) throw new Error('the flood group needs wrk on PATH (apt-get install wrk)');
  const [command, args] = pinned(cpus, 'wrk', [
    '-t',
    '1',
    '-c',
    String(connections),
    '-d',
    '3600s',
    '--timeout',
    '30s',
    url,
  ]);
  const started = performance.now();
  const wrk = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  wrk.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  wrk.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => wrk.once('exit', resolve));
  const killOnExit = (): void => void wrk.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    // SIGINT: wrk stops and prints its summary.
    async stop() {
      const seconds = (performance.now() - started) / 1000;
      wrk.kill('SIGINT');
      await exited;
      process.off('exit', killOnExit);
      const answered = Number(/(\d+) requests in /.exec(output)?.[1]);
      if (!Number.isFinite(answered)) throw new Error(`wrk printed no summary:\n${output}`);
      return { answered, seconds, refused: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0), output };
    },
  };
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** Reads of one run: the same gateway idle and under the flood, and what the flood got. */
interface RunSamples {
  idle: number[];
  flooded: number[];
  answered: number;
  seconds: number;
}

/**
 * The flood-isolation figure: one gateway per fairness setting on SQLite (pinned to the servers' CPUs); a
 * measuring client reads the public catalogue sequentially while its gateway is idle, then while wrk holds
 * `connections` keep-alive connections from another address reading it as fast as they are answered. In
 * `rounds` rounds, each running every setting (order rotated), so a slow spell of the machine falls on
 * all alike; p50 of all samples of a setting. The flood answered per second is over its measured time
 * (ramp-up included). Any refusal of the flood's requests fails the run.
 */
export async function benchFlood(options: FloodOptions): Promise<FloodFigure[]> {
  const database = await createBenchDatabase('sqlite', options.password);
  options.defer('drop the flood database', () => database.drop());
  const { loadGenerator, servers } = options.pinning ?? {};
  const gateways: Array<{ base: string; app: AppProcess }> = [];
  for (const run of RUNS) {
    const port = await freePort();
    const env = {
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      DATABASE_URL: database.url,
      DB_MIGRATE: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: randomBytes(24).toString('hex'),
      ...run.env,
    };
    const app = startApp(options.root, 'gateway', env, servers);
    options.defer(`stop the flood gateway (${run.fairness})`, () => app.stop());
    gateways.push({ base: `http://127.0.0.1:${port}`, app });
  }
  for (const { base, app } of gateways) await waitForHttp(`${base}/health/live`, app, 60_000);
  const samples: RunSamples[] = RUNS.map(() => ({ idle: [], flooded: [], answered: 0, seconds: 0 }));
  const perRound = Math.max(10, Math.round(options.samples / options.rounds));
  for (let round = 0; round < options.rounds; round += 1) {
    for (let k = 0; k < RUNS.length; k += 1) {
      const index = (round + k) % RUNS.length;
      const [run, { base, app }, into] = [RUNS[index]!, gateways[index]!, samples[index]!];
      const url = `${base}${READ}`;
      into.idle.push(...(await readLatencies(url, perRound, loadGenerator)));
      options.log(
        `flood: round ${round + 1}/${options.rounds}, ${options.connections} connections, fairness ${run.fairness}`,
      );
      const flood = startWrk(url, options.connections, loadGenerator);
      const [measured] = await Promise.allSettled([
        new Promise((resolve) => setTimeout(resolve, RAMP_MS)).then(() => readLatencies(url, perRound, loadGenerator)),
      ]);
      const wrk = await flood.stop();
      if (measured.status === 'rejected') throw measured.reason;
      app.assertRunning();
      if (wrk.refused > 0)
        throw new Error(
          `flood: the gateway refused ${wrk.refused} of the flood's requests (${run.fairness}):\n${wrk.output}`,
        );
      into.flooded.push(...measured.value);
      into.answered += wrk.answered;
      into.seconds += wrk.seconds;
    }
  }
  return RUNS.map((run, index) => {
    const { idle, flooded, answered, seconds } = samples[index]!;
    const [idleP50Ms, floodP50Ms] = [percentile(sorted(idle), 50), percentile(sorted(flooded), 50)];
    return {
      ...run,
      idleP50Ms,
      floodP50Ms,
      floodP99Ms: percentile(sorted(flooded), 99),
      ratio: floodP50Ms / idleP50Ms,
      floodPerSec: answered / seconds,
    };
  });
}

export function formatFlood(figures: FloodFigure[]): string {
  const unprotected = figures.at(-1)!;
  const rows = figures.map(
    (f) =>
      `| ${f.fairness} | ${f.idleP50Ms.toFixed(2)} | ${f.floodP50Ms.toFixed(2)} (p99 ${f.floodP99Ms.toFixed(1)}) | ×${f.ratio.toFixed(2)} | ×${(f.floodP50Ms / unprotected.idleP50Ms).toFixed(2)} | ${f.floodPerSec.toFixed(0)} |`,
  );
  return [
    '| fairness | other client p50 idle (ms) | under flood (ms) | ratio flood ÷ idle | ÷ idle without fairness | flood answered/s |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
