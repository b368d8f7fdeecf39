import http from 'node:http';

/**
 * The load generator's HTTP client: node:http on keep-alive sockets. Measured on the 2-core bench
 * machine, `fetch` (undici) spent a whole core to send 2,500 opinions/s and became the bottleneck it
 * was meant to measure; this client needs about a third of a core for 4,000/s.
 */
export function keepAliveClient(signal: AbortSignal, timeoutMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const post = (url: string, headers: Record<string, string>, body: string, status: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const payload = Buffer.from(body);
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          signal,
          timeout: timeoutMs,
          headers: { ...headers, 'content-length': String(payload.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode === status) resolve(text);
            else
              reject(
                new Error(`POST ${url} answered ${response.statusCode}, expected ${status}: ${text.slice(0, 500)}`),
              );
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`POST ${url} timed out after ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(payload);
    });
  return { post, close: (): void => agent.destroy() };
}
