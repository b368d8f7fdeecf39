import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process the launcher supervises. */
export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function startProcess(name: string, command: string, args: string[], options: SpawnOptions): Managed {
  const child = spawn(command, args, options);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = (): void => void child.kill('SIGTERM');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  return { name, child, exited };
}

/** SIGTERM, then SIGKILL after `graceMs` if it has not exited. */
export async function stopProcess(managed: Managed, graceMs = 15_000): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) return;
  managed.child.kill('SIGTERM');
  const timer = setTimeout(() => managed.child.kill('SIGKILL'), graceMs);
  await managed.exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitForHttp(url: string, managed: Managed, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null) throw new Error(`${managed.name} exited with code ${managed.child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${managed.name} did not answer ${url} within ${timeoutMs} ms`);
}
