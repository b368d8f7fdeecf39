import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * Sends one HTTP/1.1 request with a large body over a plain socket and answers the server's response,
 * even when the server answers before it has read the body and closes (413). node:http loses such an
 * answer whenever the write's EPIPE is seen before the response is parsed. Here the headers go first and
 * the body only if no answer came within `headStartMs` (a server that refuses by Content-Length answers
 * at once); then in 16 KiB pieces, stopping at the first byte of an answer.
 */
export function exchange(
  url: URL,
  localAddress: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer,
  headStartMs = 300,
  timeoutMs = 15_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), localAddress });
    const chunks: Buffer[] = [];
    let answered = false;
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      if (!answered) return reject(error ?? new Error('connection closed without an answer'));
      try {
        resolve(parse(Buffer.concat(chunks)));
      } catch (parseError) {
        reject(parseError as Error);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      answered = true;
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(text)?.[1];
      if (end >= 0 && length !== undefined && Buffer.concat(chunks).length >= end + 4 + Number(length))
        socket.destroy();
    });
    socket.on('error', (error) => (answered ? undefined : finish(error)));
    socket.on('close', () => finish());
    socket.on('connect', () => {
      const head = [
        `${method} ${url.pathname}${url.search} HTTP/1.1`,
        `host: ${url.host}`,
        'connection: close',
        ...Object.entries({ ...headers, 'content-length': String(body.length) }).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      const writeFrom = (offset: number): void => {
        if (answered || offset >= body.length || socket.destroyed) return;
        const more = socket.write(body.subarray(offset, offset + 16_384));
        const next = (): void => writeFrom(offset + 16_384);
        if (more) setImmediate(next);
        else socket.once('drain', next);
      };
      setTimeout(() => writeFrom(0), headStartMs);
    });
  });
}

function parse(raw: Buffer): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`incomplete HTTP answer: ${raw.toString('latin1').slice(0, 200)}`);
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = headers['content-length'];
  const body = raw.subarray(end + 4, length === undefined ? undefined : end + 4 + Number(length));
  return { status, headers, text: body.toString('utf8') };
}
