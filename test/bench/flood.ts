import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { freePort } from '../support/ports';
import { createBenchDatabase } from './databases';
import { percentile } from './measure';
import { startApp, waitForHttp, type AppProcess } from './processes';

/** One run of the flood-isolation figure (issue 13): another client's read p50 idle and under a flood. */
export interface FloodFigure {
  /** CLIENT_MAX_IN_FLIGHT of the gateway; the unfair run sets it above the flood's connections. */
  maxInFlight: number;
  idleP50Ms: number;
  floodP50Ms: number;
  /** floodP50Ms ÷ idleP50Ms (target ≤ 2). */
  ratio: number;
  /** Requests the flood got answered per second while measured. */
  floodPerSec: number;
}

export interface FloodOptions {
  root: string;
  password: string;
  connections: number;
  /** CLIENT_MAX_IN_FLIGHT of the default run (the gateway's default, 2, unless BENCH_FLOOD_IN_FLIGHT); 1 is measured too. */
  maxInFlight: number;
  samples: number;
  cpus?: string;
  defer: (what: string, run: () => Promise<unknown>) => void;
  log: (message: string) => void;
}

const READ = '/api/v1/public/decisions?page=1';

/** The flood, in a process of its own so the measuring client's event loop stays idle: N keep-alive connections from 127.0.0.2. */
const FLOOD_SCRIPT = `
const http = require('node:http');
const [url, connections] = [process.argv[1], Number(process.argv[2])];
const agent = new http.Agent({ keepAlive: true, maxSockets: connections, localAddress: '127.0.0.2' });
let done = 0;
const loop = () => http.get(url, { agent }, (res) => { res.resume(); res.on('end', () => { done += 1; loop(); }); }).on('error', () => setTimeout(loop, 10));
for (let i = 0; i < connections; i++) loop();
setInterval(() => process.stdout.write(done + '\\n'), 200);
`;

/** Sequential reads from 127.0.0.3 on one keep-alive connection; their latencies in ms. */
async function readLatencies(url: string, count: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.3' });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const started = process.hrtime.bigint();
      await new Promise<void>((resolve, reject) => {
        http.get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET ${url} answered ${res.statusCode}`))));
        }).on('error', reject);
      });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    agent.destroy();
  }
  return latencies;
}

const p50 = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

/**
 * The flood-isolation figure: a gateway on SQLite; a client reads the public catalogue (p50 of `samples`
 * sequential reads) while idle, then while 64 keep-alive connections from another address read it as
 * fast as they are answered. Run with per-client fairness (the default CLIENT_MAX_IN_FLIGHT) and, as the
 * comparison of the same run, with fairness lifted (as before issue 13).
 */
export async function benchFlood(options: FloodOptions): Promise<FloodFigure[]> {
  const database = await createBenchDatabase('sqlite', options.password);
  options.defer('drop the flood database', () => database.drop());
  const figures: FloodFigure[] = [];
  for (const maxInFlight of [...new Set([1, options.maxInFlight]), options.connections * 4]) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const gateway: AppProcess = startApp(
      options.root,
      'gateway',
      { TEMPORAL_ADDRESS: '127.0.0.1:1', DATABASE_URL: database.url, DB_MIGRATE: 'false', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', AUTH_SECRET: randomBytes(24).toString('hex'), CLIENT_MAX_IN_FLIGHT: String(maxInFlight) },
      options.cpus,
    );
    try {
      await waitForHttp(`${base}/health/live`, gateway, 60_000);
      await readLatencies(`${base}${READ}`, Math.round(options.samples / 5));
      const idle = await readLatencies(`${base}${READ}`, options.samples);
      options.log(`flood: ${options.connections} connections, CLIENT_MAX_IN_FLIGHT=${maxInFlight}`);
      const flood = spawn(process.execPath, ['-e', FLOOD_SCRIPT, `${base}${READ}`, String(options.connections)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let answered = 0;
      flood.stdout.on('data', (chunk: Buffer) => (answered = Number(chunk.toString().trim().split('\n').at(-1)) || answered));
      try {
        while (answered < options.connections * 4) await new Promise((resolve) => setTimeout(resolve, 50));
        const before = { answered, at: Date.now() };
        const flooded = await readLatencies(`${base}${READ}`, options.samples);
        const floodPerSec = ((answered - before.answered) * 1000) / Math.max(1, Date.now() - before.at);
        figures.push({ maxInFlight, idleP50Ms: p50(idle), floodP50Ms: p50(flooded), ratio: p50(flooded) / p50(idle), floodPerSec });
      } finally {
        flood.kill();
      }
    } finally {
      await gateway.stop();
    }
  }
  return figures;
}

export function formatFlood(figures: FloodFigure[]): string {
  const rows = figures.map(
    (f) => `| ${f.maxInFlight} | ${f.idleP50Ms.toFixed(2)} | ${f.floodP50Ms.toFixed(2)} | ×${f.ratio.toFixed(2)} | ${f.floodPerSec.toFixed(0)} |`,
  );
  return ['| CLIENT_MAX_IN_FLIGHT | other client p50 idle (ms) | under flood (ms) | ratio flood ÷ idle | flood answered/s |', '|---:|---:|---:|---:|---:|', ...rows].join('\n');
}
