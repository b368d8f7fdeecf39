import { request as httpRequest } from 'node:http';

export interface AddressedReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  setCookie: string[];
  text: string;
  json: () => any;
}

/**
 * One HTTP request from a chosen loopback source address (127.0.0.x, Node's `localAddress`): how tests play
 * many clients on one machine. No keep-alive, so every request is its own connection.
 */
export function sendFrom(
  baseUrl: string,
  localAddress: string,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<AddressedReply> {
  const url = new URL(`${baseUrl}${path}`);
  const headers = {
    ...options.headers,
    ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress,
        headers,
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookie: res.headers['set-cookie'] ?? [],
            text,
            json: () => JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () =>
      req.destroy(new Error(`${method} ${path} from ${localAddress}: no answer within 30 s`)),
    );
    req.end(options.body);
  });
}
