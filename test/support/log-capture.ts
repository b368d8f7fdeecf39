/**
 * What the in-process apps of the medium tier (gateway, worker) write to stdout and stderr — their logs,
 * one JSON line each — kept from `start()` to `stop()`, so that a test can check that no personal data
 * (an address, a token) reached them. The writes still go through to the streams.
 */
export interface LogCapture {
  start(): void;
  stop(): void;
  text(): string;
  /** `METHOD url` of every request the gateway logged (it logs them at `debug`). */
  requests(): string[];
}

export function captureLogs(): LogCapture {
  let text = '';
  const original = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  const tap = (stream: NodeJS.WriteStream, write: typeof process.stdout.write): void => {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  };
  return {
    start() {
      tap(process.stdout, original.stdout);
      tap(process.stderr, original.stderr);
    },
    stop() {
      process.stdout.write = original.stdout;
      process.stderr.write = original.stderr;
    },
    text: () => text,
    requests: () =>
      text
        .split('\n')
        .filter((line) => line.includes('"msg":"request"'))
        .map((line) => JSON.parse(line) as { method: string; url: string })
        .map(({ method, url }) => `${method} ${url}`),
  };
}
