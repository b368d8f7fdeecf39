import { request as httpRequest } from 'node:http';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';
const WRONG = 'not-the-password';

interface Answer {
  status: number;
  retryAfter?: string;
  setCookie: string[];
  text: string;
}

/** One HTTP request from a chosen loopback source address (127.0.0.x): the client the throttle counts. */
function send(
  baseUrl: string,
  localAddress: string,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(`${baseUrl}${path}`);
  const headers = {
    ...options.headers,
    ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, localAddress, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            setCookie: res.headers['set-cookie'] ?? [],
            text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('throttling of failed sign-ins over HTTP (API login and console form share it)', () => {
  let db: TestDatabase;
  let system: MediumSystem;

  const apiLogin = async (
    from: string,
    username: string,
    password: string,
  ): Promise<{ status: number; code?: string; retryAfter?: string }> => {
    const answer = await send(system.baseUrl, from, 'POST', '/api/v1/auth/login', {
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json' },
    });
    return {
      status: answer.status,
      code: (JSON.parse(answer.text) as { code?: string }).code,
      retryAfter: answer.retryAfter,
    };
  };

  /** The console's sign-in form as a browser sends it: nonce cookie and `_csrf` from the form page, same Origin. */
  const consoleSignIn = async (from: string, username: string, password: string): Promise<Answer> => {
    const form = await send(system.baseUrl, from, 'GET', '/console/login?lang=zh-CN');
    const cookie = form.setCookie.map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: csrf, next: '/console', username, password }).toString();
    return send(system.baseUrl, from, 'POST', '/console/login?lang=zh-CN', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: system.baseUrl },
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('sign-in-throttle'),
      gatewayEnv: { LOGIN_MAX_FAILURES_PER_CLIENT: '12' },
    });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('refuses the sixth attempt after five wrong passwords with 429 LOGIN_THROTTLED even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect(await apiLogin('127.0.0.2', 'drafter', WRONG)).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    const refused = await apiLogin('127.0.0.2', 'drafter', PASSWORD);
    expect(refused).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED', retryAfter: expect.stringMatching(/^\d+$/) });
    // One more failure is allowed every window ÷ limit (900 s ÷ 5): five per fifteen minutes sustained (ADR 31).
    expect(Number(refused.retryAfter)).toBeGreaterThan(120);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(180);
  });

  it('refuses the console form for the same username and address too, in words, keeping the typed username', async () => {
    const page = await consoleSignIn('127.0.0.2', 'drafter', PASSWORD);
    expect(page.status).toBe(429);
    expect(page.retryAfter).toMatch(/^\d+$/);
    expect(page.setCookie.some((c) => c.startsWith('od_console='))).toBe(false);
    expect(page.text).toContain('登录失败次数过多');
    expect(page.text).toMatch(/id="username"[^>]*value="drafter"/);
  });

  it('leaves another username from that address and the same username from another address unaffected', async () => {
    expect((await apiLogin('127.0.0.2', 'reviewer', PASSWORD)).status).toBe(200);
    expect((await apiLogin('127.0.0.3', 'drafter', PASSWORD)).status).toBe(200);
    const signedIn = await consoleSignIn('127.0.0.3', 'drafter', PASSWORD);
    expect([signedIn.status, signedIn.setCookie.some((c) => c.startsWith('od_console='))]).toEqual([303, true]);
  });

  it('starts the count again after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) expect((await apiLogin('127.0.0.4', 'manager', WRONG)).status).toBe(401);
    expect((await apiLogin('127.0.0.4', 'manager', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await apiLogin('127.0.0.4', 'manager', WRONG)).status).toBe(401);
    expect((await apiLogin('127.0.0.4', 'manager', PASSWORD)).code).toBe('LOGIN_THROTTLED');
  });

  it('caps the failures of one address across usernames', async () => {
    for (let i = 0; i < 12; i++) expect((await apiLogin('127.0.0.5', `guess-${i}`, WRONG)).status).toBe(401);
    expect(await apiLogin('127.0.0.5', 'admin', PASSWORD)).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    expect((await apiLogin('127.0.0.6', 'admin', PASSWORD)).status).toBe(200);
  });
});
