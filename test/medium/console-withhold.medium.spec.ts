import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation, type Reply } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const KEPT = '建议公交站台增加遮阳棚。';
const SPAM = '广告：低价代办各类证件，请加微信。';

describe('withholding an opinion from a row of the console opinions page, over HTTP with a session cookie', () => {
  let db: TestDatabase;
  let system: MediumSystem;
  let id: string;
  let cookie: string;
  const receipts: Record<string, string> = {};

  /** A console request as the browser sends it: session cookie, and the site's Origin on POSTs. */
  const consoleRequest = async (
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; text: string }> => {
    const headers: Record<string, string> = { cookie };
    if (form) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', origin: system.baseUrl });
    const response = await fetch(`${system.baseUrl}${path}`, {
      method,
      headers,
      body: form && new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const csrfOf = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  const opinionsPage = (query = ''): Promise<{ status: number; text: string }> =>
    consoleRequest('GET', `/console/decisions/${id}/opinions${query}`);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startMediumSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('console-withhold') });
    const tokens: Record<string, string> = {};
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);
    id = (await call(system.baseUrl, 'POST', '/api/v1/decisions', { token: tokens['drafter'], json: aRegistration() }))
      .body.decisionId as string;
    const opensAt = Date.now() + 2_000;
    await publishForConsultation(system.baseUrl, tokens, id, {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(opensAt + 3_600_000).toISOString(),
    });
    for (const text of [KEPT, SPAM]) {
      // 409 until the consultation opens.
      const reply: Reply = await eventually(
        async () => {
          const answer = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
            json: { text },
          });
          return answer.status === 409 ? undefined : answer;
        },
        { timeoutMs: 10_000, intervalMs: 250, what: 'the consultation opens' },
      );
      expect(reply.status).toBe(201);
      receipts[text] = reply.body.receipt as string;
    }
    const form = await fetch(`${system.baseUrl}/console/login`);
    const nonce = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signedIn = await fetch(`${system.baseUrl}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonce, origin: system.baseUrl },
      body: new URLSearchParams({
        _csrf: csrfOf(await form.text()),
        next: '/console',
        username: 'drafter',
        password: PASSWORD,
      }).toString(),
    });
    expect(signedIn.status).toBe(303);
    cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('od_console='))!
      .split(';')[0]!;
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('offers a withhold form for each published row', async () => {
    const page = await opinionsPage();
    expect(page.status).toBe(200);
    for (const receipt of Object.values(receipts)) expect(page.text).toContain(`id="withhold-${receipt}"`);
  });

  it('refuses a withhold without a reason in words and changes nothing', async () => {
    const refused = await consoleRequest('POST', `/console/decisions/${id}/opinions/withhold`, {
      _csrf: csrfOf((await opinionsPage()).text),
      receipt: receipts[SPAM]!,
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="refusal-withhold"');
    expect(
      JSON.stringify((await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions`)).body),
    ).toContain('低价代办');
  });

  it('withholds the row’s opinion through the withhold-opinion action: a done notice, its status shown, gone from the public API', async () => {
    const done = await consoleRequest('POST', `/console/decisions/${id}/opinions/withhold`, {
      _csrf: csrfOf((await opinionsPage()).text),
      receipt: receipts[SPAM]!,
      reason: 'spam',
    });
    expect([done.status, done.location]).toEqual([303, `/console/decisions/${id}/opinions?done=withhold`]);
    const page = await opinionsPage('?done=withhold');
    expect(page.text).toContain('该意见已暂不公开');
    expect(page.text).not.toContain(`id="withhold-${receipts[SPAM]!}"`);
    expect(page.text).toContain(`id="withhold-${receipts[KEPT]!}"`);
    expect(page.text).toMatch(/<strong>暂不公开<\/strong> \(广告或重复刷屏\)/);
    const published = JSON.stringify(
      (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions`)).body,
    );
    expect(published).not.toContain('低价代办');
    expect(published).toContain('遮阳棚');
    expect((await call(system.baseUrl, 'GET', `/api/v1/public/opinions/${receipts[SPAM]!}`)).body).toMatchObject({
      status: 'withheld',
    });
  });

  it('refuses a withhold without the session’s form token', async () => {
    const forged = await consoleRequest('POST', `/console/decisions/${id}/opinions/withhold`, {
      _csrf: 'forged',
      receipt: receipts[KEPT]!,
      reason: 'spam',
    });
    expect(forged.status).toBe(403);
    expect(
      JSON.stringify((await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions`)).body),
    ).toContain('遮阳棚');
  });
});
