import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  /** `smtp://127.0.0.1:{port}`: the worker's SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/** Largest message the sink keeps. */
const MAX_MESSAGE_BYTES = 1_000_000;

/**
 * The embedded mode's mail server (ADR 96): a real SMTP server (`smtp-server`) on loopback that keeps
 * every message it accepts, as received, as `{time}-{n}.eml` (0600) in `directory` (0700) — readable
 * with any mail client — and delivers nothing further. No authentication, no TLS: it listens on
 * 127.0.0.1 only.
 */
export async function startMailSink(directory: string, port = 0): Promise<MailSink> {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++count).padStart(4, '0')}.eml`;
        try {
          writeFileSync(join(directory, name), Buffer.concat(chunks), { mode: 0o600 });
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
