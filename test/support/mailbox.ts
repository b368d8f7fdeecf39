import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailSink } from '../../apps/embedded/src/mail-sink';

/** One message as it arrived: its headers (lower-case names, unfolded, encoded words decoded) and text. */
export interface ReceivedMail {
  headers: Record<string, string>;
  subject: string;
  to: string;
  text: string;
  raw: string;
}

export interface Mailbox {
  /** `smtp://127.0.0.1:{port}`. */
  url: string;
  /** Every message the server accepted so far, oldest first. */
  messages(): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for tests — the embedded mode's sink (`smtp-server`), keeping each
 * message as an `.eml` file in a temporary directory — and a reader of what arrived.
 */
export async function startMailbox(port = 0): Promise<Mailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'od-mail-'));
  const sink = await startMailSink(dir, port);
  return {
    url: sink.url,
    messages: () =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.eml'))
        .sort()
        .map((name) => parseMail(readFileSync(join(dir, name), 'utf8'))),
    async close() {
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Enough of RFC 5322 / MIME for the single-part text messages nodemailer writes. */
export function parseMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return {
    headers,
    subject: headers['subject'] ?? '',
    to: headers['to'] ?? '',
    text: text.replace(/\r\n/g, '\n'),
    raw,
  };
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
