import { Agent, request as httpRequest } from 'node:http';

export interface HostileRequest {
  method: string;
  /** Sent as is on the request line: may hold malformed percent-encodings, never raw spaces or controls. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HostileAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends requests byte for byte over node:http (fetch would normalise the URL). Kept-alive sockets, at
 * most `sockets` at once; each answer must come within `timeoutMs`, otherwise the request fails (an
 * unanswered request is a finding like a 5xx).
 */
export function hostileClient(
  baseUrl: string,
  sockets: number,
  timeoutMs = 10_000,
): { send(request: HostileRequest): Promise<HostileAnswer>; close(): void } {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (req: HostileRequest): Promise<HostileAnswer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = req.body.length;
      const outgoing = httpRequest(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(new Error(`no answer within ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 200)}`)),
      );
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  return { send, close: () => agent.destroy() };
}

/** Runs `total` jobs with at most `parallel` at once; answers in job order. */
export async function inParallel<T>(total: number, parallel: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(total);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      results[index] = await job(index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return results;
}
