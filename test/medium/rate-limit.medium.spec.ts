import { request as httpRequest } from 'node:http';
import { openDatabase } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { uniqueTaskQueue } from '../support/temporal';

/** POSTs an opinion from a chosen loopback source address (127.0.0.x), answering the status. */
function postFrom(
  baseUrl: string,
  localAddress: string,
  text: string,
): Promise<{ status: number; retryAfter?: string; code?: string }> {
  const url = new URL(`${baseUrl}/api/v1/public/decisions/unknown-decision/opinions`);
  const body = JSON.stringify({ text });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            code: (JSON.parse(data) as { code?: string }).code,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('per-client rate limiting of public opinions', () => {
  let db: TestDatabase;
  let system: MediumSystem;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await (await openDatabase(db.config, { migrate: true })).destroy();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('rate-limit'),
      gatewayEnv: { OPINION_BURST: '5', OPINION_RATE_PER_MINUTE: '6' },
    });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('refuses a flooding address with 429 and Retry-After while another address goes through', async () => {
    const flood = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postFrom(system.baseUrl, '127.0.0.2', `flood ${i}`)),
    );
    const limited = flood.filter((r) => r.status === 429);
    expect(flood.filter((r) => r.status !== 429)).toHaveLength(5);
    expect(limited).toHaveLength(15);
    expect(limited[0]).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.stringMatching(/^\d+$/) });
    const other = await postFrom(system.baseUrl, '127.0.0.3', 'a quiet citizen');
    expect(other.status).not.toBe(429);
  });
});
