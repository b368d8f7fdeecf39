import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startApp, type AppProcess } from '../support/apps';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { requiredEnv, TEST_ENV } from '../support/env';
import { eventually } from '../support/eventually';
import { sendFrom, type AddressedReply } from '../support/from-address';
import { startNginx, type RunningNginx } from '../support/nginx';
import { freePort } from '../support/ports';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password-behind-proxy';
const BURST = 3;
const citizen = (n: number): string => `127.0.0.${n}`;

/** Where the gateways keep their shared limits: the app database, or Redis when TEST_REDIS_URL is set. */
const setups: Array<[string, 'sqlite' | 'postgres', string | undefined]> = [
  ...databaseKinds().map((kind): [string, 'sqlite' | 'postgres', undefined] => [
    `${kind}, limits in the database`,
    kind,
    undefined,
  ]),
  ...(process.env['TEST_REDIS_URL']
    ? [['sqlite, limits in Redis', 'sqlite', process.env['TEST_REDIS_URL']] as [string, 'sqlite', string]]
    : []),
];

/**
 * The deployment of deploy/README.md on one machine (issue 13): Debian's nginx in front of two gateways on
 * one database, TRUSTED_PROXIES naming nginx, citizens on distinct loopback addresses.
 */
describe.each(setups)('two gateways behind nginx (%s)', (_name, kind, redisUrl) => {
  let db: TestDatabase;
  let gateways: AppProcess[] = [];
  let nginx: RunningNginx | undefined;
  let base = '';

  const opinionFrom = (from: string, headers: Record<string, string> = {}): Promise<AddressedReply> =>
    sendFrom(base, from, 'POST', '/api/v1/public/decisions/no-such-decision/opinions', {
      body: JSON.stringify({ text: '建议延长公示期。' }),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const login = (from: string, username: string, password: string): Promise<AddressedReply> =>
    sendFrom(base, from, 'POST', '/api/v1/auth/login', {
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json' },
    });
  const asStaff = (token: string, method: string, path: string, json?: unknown): Promise<AddressedReply> =>
    sendFrom(base, citizen(200), method, path, {
      body: json === undefined ? undefined : JSON.stringify(json),
      headers: {
        authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
  const tokenOf = async (username: string, from = citizen(201)): Promise<string> => {
    const reply = await login(from, username, PASSWORD);
    if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${reply.text}`);
    return reply.json().token as string;
  };
  /** Signs in on the console form as a browser does; answers the session cookie (`name=value`). */
  const consoleCookie = async (username: string, from = citizen(202)): Promise<string> => {
    const form = await sendFrom(base, from, 'GET', '/console/login');
    const nonce = form.setCookie.map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: csrf, next: '/console', username, password: PASSWORD }).toString();
    const signedIn = await sendFrom(base, from, 'POST', '/console/login', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonce, origin: base },
    });
    const cookie = signedIn.setCookie.find((c) => c.startsWith('od_console='))?.split(';')[0];
    if (signedIn.status !== 303 || !cookie) throw new Error(`console sign-in ${username}: ${signedIn.status}`);
    return cookie;
  };
  const consoleGet = (cookie: string): Promise<AddressedReply> =>
    sendFrom(base, citizen(202), 'GET', '/console', { headers: { cookie } });
  const servedBy = (gateway: AppProcess): number =>
    gateway
      .output()
      .split('\n')
      .filter((line) => line.includes('"url":"/api/v1/public/decisions/no-such-decision/opinions"')).length;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    const ports = [await freePort(), await freePort()];
    const proxyPort = await freePort();
    // nginx connects to the gateways from 127.0.0.1; the citizens use 127.0.0.2 and up.
    gateways = ports.map((port) =>
      startApp('gateway', {
        TEMPORAL_ADDRESS: requiredEnv(TEST_ENV.temporalAddress),
        TASK_QUEUE: uniqueTaskQueue('behind-proxy'),
        DATABASE_URL: db.url,
        DB_MIGRATE: 'false',
        LOG_LEVEL: 'info',
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123',
        TRUSTED_PROXIES: '127.0.0.1',
        OPINION_BURST: String(BURST),
        OPINION_RATE_PER_MINUTE: '1',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '10',
        PUBLIC_BASE_URL: `http://127.0.0.1:${proxyPort}`,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      }),
    );
    // Up to 60 s each: with the tiers side by side on two cores, a gateway that also connects to Redis was
    // seen to need more than 30 s to start.
    for (const [i, port] of ports.entries()) {
      await eventually(() => fetch(`http://127.0.0.1:${port}/health/live`).then((reply) => reply.ok), {
        timeoutMs: 60_000,
        what: `gateway ${i + 1} answers`,
        giveUp: () =>
          gateways[i]!.child.exitCode !== null ? new Error(`gateway exited: ${gateways[i]!.output()}`) : undefined,
      });
    }
    nginx = await startNginx(
      ports.map((port) => `127.0.0.1:${port}`),
      proxyPort,
    );
    base = nginx.baseUrl;
  }, 150_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(gateways.map((gateway) => gateway.kill()));
    await db?.drop();
  });

  it('gives each of 32 citizens their own opinion limit, held across both gateways', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 32 }, async (_, i) => {
        const mine: number[] = [];
        for (let n = 0; n <= BURST; n++) mine.push((await opinionFrom(citizen(2 + i))).status);
        return mine;
      }),
    );
    for (const mine of statuses) expect(mine).toEqual([404, 404, 404, 429]);
    expect(gateways.map(servedBy).every((served) => served >= 32)).toBe(true);
  });

  it('gains a client nothing when it forges X-Forwarded-For, and cannot spend another citizen’s budget', async () => {
    const forged = ['203.0.113.9', '127.0.0.1', '10.0.0.1, 198.51.100.7', citizen(61), 'unknown'];
    const statuses: number[] = [];
    for (const value of forged) statuses.push((await opinionFrom(citizen(60), { 'x-forwarded-for': value })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    for (let n = 0; n < BURST; n++) expect((await opinionFrom(citizen(61))).status).toBe(404);
  });

  it('counts the page form and the API against one budget per citizen', async () => {
    const form = new URLSearchParams({ text: '建议延长公示期。', key: '' }).toString();
    for (let n = 0; n < BURST; n++) {
      const reply = await sendFrom(base, citizen(70), 'POST', `/decisions/no-such-decision?n=${n}`, {
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      });
      expect(reply.status).toBe(404);
    }
    const api = await opinionFrom(citizen(70));
    expect([api.status, api.json().code, api.headers['retry-after']]).toEqual([
      429,
      'RATE_LIMITED',
      expect.stringMatching(/^\d+$/),
    ]);
  });

  it('holds a guess spread over 30 addresses by the username’s own budget; an administrator sees and ends the lockout', async () => {
    const answers: number[] = [];
    for (let batch = 0; batch < 30; batch += 6) {
      const replies = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const mine: number[] = [];
          for (let n = 0; n < 5; n++)
            mine.push((await login(citizen(100 + batch + i), 'manager', `wrong-guess-${n}`)).status);
          return mine;
        }),
      );
      answers.push(...replies.flat());
    }
    expect(answers.filter((status) => status === 401)).toHaveLength(10);
    expect(answers.filter((status) => status === 429)).toHaveLength(140);
    const owner = await login(citizen(140), 'manager', PASSWORD);
    expect([owner.status, owner.json().code, owner.json().accountLocked]).toEqual([429, 'LOGIN_THROTTLED', true]);
    const admin = await tokenOf('admin');
    const accounts = (await asStaff(admin, 'GET', '/api/v1/admin/accounts')).json() as Array<{
      id: string;
      username: string;
      signInLockedUntil?: string;
    }>;
    const manager = accounts.find((account) => account.username === 'manager')!;
    expect(Date.parse(manager.signInLockedUntil ?? '')).toBeGreaterThan(Date.now());
    expect(accounts.find((account) => account.username === 'drafter')?.signInLockedUntil).toBeUndefined();
    expect((await asStaff(admin, 'DELETE', `/api/v1/admin/accounts/${manager.id}/sign-in-lockout`)).status).toBe(204);
    expect((await login(citizen(141), 'manager', PASSWORD)).status).toBe(200);
  });

  it('accepts neither the console cookie as an API token nor an API token as the console cookie', async () => {
    const cookie = await consoleCookie('drafter');
    const asBearer = await asStaff(cookie.split('=')[1]!, 'GET', '/api/v1/decisions');
    expect([asBearer.status, asBearer.json().code]).toEqual([401, 'TOKEN_INVALID']);
    const token = await tokenOf('drafter');
    const asCookie = await consoleGet(`od_console=${token}`);
    expect([asCookie.status, asCookie.headers['location']]).toEqual([303, expect.stringContaining('/console/login')]);
    expect((await consoleGet(cookie)).status).toBe(200);
    expect((await asStaff(token, 'GET', '/api/v1/decisions')).status).toBe(200);
  });

  it('ends a console session and an API token on the server when their owner signs out', async () => {
    const cookie = await consoleCookie('reviewer');
    const board = await consoleGet(cookie);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(board.text)?.[1] ?? '';
    const out = await sendFrom(base, citizen(202), 'POST', '/console/logout', {
      body: new URLSearchParams({ _csrf: csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: base },
    });
    expect(out.status).toBe(303);
    expect((await consoleGet(cookie)).status).toBe(303);
    const token = await tokenOf('reviewer');
    expect((await asStaff(token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await asStaff(token, 'GET', '/api/v1/decisions')).json().code).toBe('TOKEN_INVALID');
    expect((await asStaff(await tokenOf('reviewer'), 'GET', '/api/v1/decisions')).status).toBe(200);
  });

  it('ends every token and session of an account at once when an administrator resets its password or disables it', async () => {
    const admin = await tokenOf('admin');
    const accounts = (await asStaff(admin, 'GET', '/api/v1/admin/accounts')).json() as Array<{
      id: string;
      username: string;
    }>;
    const idOf = (username: string): string => accounts.find((account) => account.username === username)!.id;
    const [cookie, token] = [await consoleCookie('drafter-b'), await tokenOf('drafter-b')];
    expect(
      (
        await asStaff(admin, 'PATCH', `/api/v1/admin/accounts/${idOf('drafter-b')}`, {
          password: 'a-fresh-uncommon-passphrase',
        })
      ).status,
    ).toBe(200);
    expect((await consoleGet(cookie)).status).toBe(303);
    expect((await asStaff(token, 'GET', '/api/v1/decisions')).json().code).toBe('TOKEN_INVALID');
    const managerToken = await tokenOf('manager', citizen(142));
    expect(
      (await asStaff(admin, 'PATCH', `/api/v1/admin/accounts/${idOf('manager')}`, { disabled: true })).status,
    ).toBe(200);
    expect((await asStaff(managerToken, 'GET', '/api/v1/decisions')).json().code).toBe('TOKEN_INVALID');
  });
});
