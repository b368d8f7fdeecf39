import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the first folder above this file that holds `tsconfig.base.json`. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'tsconfig.base.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no tsconfig.base.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** One of the built apps running as a child process, its output kept (the last 64 KiB) for errors. */
export interface AppProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Throws when the process has exited. */
  assertRunning(): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

const KEEP_OUTPUT = 64 * 1024;

/**
 * Starts `node dist/apps/<name>/src/main.js` (or `dist/<entry>`, a bench-only variant of the app) with
 * exactly `env` (plus PATH), optionally pinned to `cpus` (a taskset list such as "1-3").
 */
export function startApp(
  root: string,
  name: 'gateway' | 'worker',
  env: Record<string, string>,
  cpus?: string,
  entry?: string,
): AppProcess {
  const main = join(root, 'dist', ...(entry ? entry.split('/') : ['apps', name, 'src', 'main.js']));
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm run bench does).`);
  // BENCH_CPU_PROF=<dir>: each app writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env['BENCH_CPU_PROF']
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`,
        `--cpu-prof-name=${name}-${process.pid}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const [command, args] = cpus
    ? ['taskset', ['-c', cpus, process.execPath, ...profile, main]]
    : [process.execPath, [...profile, main]];
  const child = spawn(command, args, {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never leave a child behind when the bench dies before stopping it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output: () => output,
    exited,
    assertRunning() {
      if (!running())
        throw new Error(`${name} exited (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
    },
    async stop(graceMs = 15_000) {
      if (!running()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `url` until it answers 2xx; fails when `app` exits or `timeoutMs` passes. */
export async function waitForHttp(url: string, app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    app.assertRunning();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${app.name} did not answer ${url} within ${timeoutMs} ms:\n${app.output()}`);
}

/**
 * CPU pinning (DESIGN.md §8: server and load generator on different cores where possible). The load
 * generator gets CPU 0 and the servers the others; `auto` pins only with 4 CPUs or more, because on
 * fewer the three server processes would share one core and starve each other.
 */
export interface Pinning {
  loadGenerator: string;
  servers: string;
}

export function choosePinning(mode: string, cpus: number): Pinning | undefined {
  const wanted = mode === '1' || mode === 'true' || (mode === 'auto' && cpus >= 4);
  if (!wanted || cpus < 2) return undefined;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined; // no taskset here
  }
  return { loadGenerator: '0', servers: cpus === 2 ? '1' : `1-${cpus - 1}` };
}

/** Pins a running process and all its threads (taskset -a -p). */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-c', '-p', cpus, String(pid)], { stdio: 'ignore' });
}
