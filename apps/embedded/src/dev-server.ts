import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { waitForTemporal } from '../../../libs/temporal/src';

/**
 * Finds or builds the Temporal CLI with `deploy/temporal/provision.sh` (TEMPORAL_CLI, `temporal` on
 * PATH, the cache, or a build from Go modules — the first build takes minutes and says so on stderr).
 */
export function provisionTemporalCli(repoRoot: string): string {
  const script = join(repoRoot, 'deploy', 'temporal', 'provision.sh');
  return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Web UI port; omit for a headless server. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server. */
  dbFile?: string;
  /** Where the server's own log goes; default: discarded. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` and waits (up to 60 s by default) until it serves. With a file,
 * SQLite runs in WAL mode with `synchronous=FULL`, so an acknowledged start or update survives a crash.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) {
    args.push(
      '--db-filename',
      options.dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=FULL',
    );
  }
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(options.cli, args, { stdio: ['ignore', out, out] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Safety net: never leave a server behind when the parent dies before calling stop().
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForTemporal(address, options.startTimeoutMs ?? 60_000),
      exited.then(() => Promise.reject(new Error(`temporal server start-dev exited early (code ${child.exitCode})`))),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
