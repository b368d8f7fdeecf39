import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A child process of the cluster whose output goes to a log file (and the last lines to memory, for an
 * error message). The test tier's `test/support/apps.ts` has the same idea; tools do not import test/.
 */
export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<void>;
  /** The last 4 KiB of its output. */
  tail(): string;
  running(): boolean;
  /** Sends `signal` (default SIGTERM), SIGKILL after `graceMs`; resolves once it has exited. Never throws. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const children = new Set<Child>();

/** Every child still running when this process exits is killed: nothing is left behind. */
process.once('exit', () => {
  for (const child of children) if (child.running()) child.process.kill('SIGKILL');
});

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: Record<string, string>; cwd?: string },
): Child {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('close', () => {
      log.end();
      children.delete(handle);
      resolve();
    }),
  );
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const handle: Child = {
    name,
    process: child,
    pid: child.pid ?? -1,
    logFile: options.logFile,
    exited,
    tail: () => tail,
    running,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (!running()) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  children.add(handle);
  return handle;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A free port below 32768: Temporal keeps a member's membership port in a `smallint` column, and the
 * kernel's ephemeral ports (what `freePort` gets) lie above it. Picks at random in 20000–32767 until one binds.
 */
export async function freeMembershipPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    const free = await new Promise<boolean>((answer) => {
      const server = createServer();
      server.once('error', () => answer(false));
      server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
    });
    if (free) return port;
  }
}

/**
 * Calls `probe` until it answers true (errors count as not yet), every `intervalMs`, for at most
 * `timeoutMs`; `giveUp` may end the wait early with its error (e.g. the process being waited for exited).
 */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs, intervalMs = 250, giveUp }: { timeoutMs: number; intervalMs?: number; giveUp?: () => Error | undefined },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const reason = giveUp?.();
    if (reason) throw reason;
    try {
      if (await probe()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
