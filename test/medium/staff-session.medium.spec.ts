import { collectPageErrors, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { call } from '../support/http';

const countDecisions = async (h: ConsoleHarness): Promise<number> =>
  Number(((await h.app.query('SELECT count(*) AS n FROM decisions')) as Array<{ n: number }>)[0]!.n);

describe('the staff console behind an https PUBLIC_BASE_URL', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness('staff-session-https', { PUBLIC_BASE_URL: 'https://decisions.example.gov.cn' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('sets Secure __Host- cookies and refuses a form posted from the plain-http origin', async () => {
    const form = await fetch(`${h.system.baseUrl}/console/login`);
    const nonce = /__Host-od_signin=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
    expect(form.headers.get('set-cookie')).toMatch(/__Host-od_signin=[^;]+;.*Secure/);
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    const post = (origin: string) =>
      fetch(`${h.system.baseUrl}/console/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `__Host-od_signin=${nonce}`, origin },
        body: new URLSearchParams({ username: 'drafter', password: STAFF_PASSWORD, _csrf: token ?? '' }),
      });
    expect((await post(new URL(h.system.baseUrl).origin)).status).toBe(403);
    const signedIn = await post('https://decisions.example.gov.cn');
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-od_console='));
    expect(session).toBeDefined();
    expect(session!.split('; ').slice(1).sort()).toEqual([
      'HttpOnly',
      'Max-Age=28800',
      'Path=/',
      'SameSite=Strict',
      'Secure',
    ]);
    // Sign-out clears it with the same attributes (a browser ignores a __Host- cookie set without Secure).
    const cookie = session!.split(';')[0]!;
    const board = await fetch(`${h.system.baseUrl}/console`, { headers: { cookie } });
    expect(board.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await board.text())?.[1] ?? '';
    const out = await fetch(`${h.system.baseUrl}/console/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('__Host-od_console='));
    expect(cleared).toMatch(/^__Host-od_console=;/);
    expect(cleared).toContain('Secure');
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
  });
});

describe('the staff console: sign-in, session cookie, CSRF and the board in a real browser', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness('staff-session');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('redirects a console page to sign-in with its path, and refuses to return anywhere but the console', async () => {
    const context = await newContext(h.browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${h.system.baseUrl}/console/decisions/new`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/decisions/new');
    expect(await page.locator('input[name=next]').inputValue()).toBe('/console/decisions/new');
    await page.goto(`${h.system.baseUrl}/console/login?next=${encodeURIComponent('//evil.example/console')}`);
    expect(await page.locator('input[name=next]').inputValue()).toBe('/console');
    await context.close();
  });

  it('signs in with the form and sets an HttpOnly, SameSite=Strict session cookie that the JSON API does not accept', async () => {
    const { context, page } = await signIn(h, 'manager');
    const errors = collectPageErrors(page);
    const cookie = (await context.cookies()).find((c) => c.name === 'od_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    const lifetime = cookie!.expires - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(8 * 3600 - 120);
    expect(lifetime).toBeLessThan(8 * 3600 + 120);
    expect(await page.locator('h1').textContent()).toBe('决策事项工作台');
    await expect(page.locator('.signed-in').textContent()).resolves.toContain('manager');
    // The cookie is worth nothing to the API: it stays Bearer-only.
    const api = await call(h.system.baseUrl, 'GET', '/api/v1/decisions', {
      headers: { cookie: `od_console=${cookie!.value}` },
    });
    expect(api.status).toBe(401);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'console-board');
    await context.close();
  });

  it('answers an unknown console address with a 404 page', async () => {
    const reply = await fetch(`${h.system.baseUrl}/console/no/such/page`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(await reply.text()).toContain('没有找到这个页面');
  });

  it('refuses a wrong password in plain words and keeps the username', async () => {
    const context = await newContext(h.browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${h.system.baseUrl}/console/login`);
    await page.locator('#username').fill('drafter');
    await page.locator('#password').fill('wrong');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('main button[type=submit]').click(),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码不正确');
    expect(await page.locator('#username').inputValue()).toBe('drafter');
    expect((await context.cookies()).some((c) => c.name === 'od_console')).toBe(false);
    await screenshot(page, 'console-login-refused');
    await context.close();
  });

  it('refuses a form without the session token, with a wrong one, or from another origin: 403 CSRF_INVALID and nothing registered', async () => {
    const { context, page } = await signIn(h, 'drafter');
    await page.goto(`${h.system.baseUrl}/console/decisions/new`);
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const before = await countDecisions(h);
    const form = { title: '越权登记', summary: 's', unit: 'unit-a', category: 'social' };
    const post = (data: Record<string, string>, headers: Record<string, string> = {}) =>
      page.request.post(`${h.system.baseUrl}/console/decisions/new`, { form: data, headers, maxRedirects: 0 });
    const missing = await post(form);
    expect(missing.status()).toBe(403);
    expect(await missing.text()).toContain('CSRF_INVALID');
    expect((await post({ ...form, _csrf: `${token.slice(0, -2)}xx` })).status()).toBe(403);
    expect((await post({ ...form, _csrf: token }, { origin: 'https://evil.example' })).status()).toBe(403);
    expect((await post({ ...form, _csrf: token }, { referer: 'https://evil.example/page' })).status()).toBe(403);
    expect(await countDecisions(h)).toBe(before);
    // The same token from this origin works, so the refusals above were the token and the origin.
    const accepted = await post(
      { ...form, title: '关于本单位登记的决定', _csrf: token },
      { origin: new URL(h.system.baseUrl).origin },
    );
    expect(accepted.status()).toBe(303);
    expect(await countDecisions(h)).toBe(before + 1);
    await context.close();
  });

  it('refuses a sign-in form that was not served to this browser (login CSRF)', async () => {
    const reply = await fetch(`${h.system.baseUrl}/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'drafter', password: STAFF_PASSWORD, _csrf: 'forged' }),
      redirect: 'manual',
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('set-cookie') ?? '').not.toContain('od_console=');
  });

  it('signs out with the session token and then needs a new sign-in', async () => {
    const { context, page } = await signIn(h, 'reviewer');
    await Promise.all([page.waitForURL(/\/console\/login/), page.locator('header form button').click()]);
    expect((await context.cookies()).some((c) => c.name === 'od_console')).toBe(false);
    await page.goto(`${h.system.baseUrl}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await context.close();
  });

  it('shows the sign-in page and the board in English, with filters, on a phone', async () => {
    const context = await newContext(h.browser, { viewport: 'phone' });
    const page = await context.newPage();
    await page.goto(`${h.system.baseUrl}/console/login?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Staff sign-in');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-login-en');
    await page.locator('#username').fill('drafter');
    await page.locator('#password').fill(STAFF_PASSWORD);
    await Promise.all([page.waitForURL(/\/console(\?|$)/), page.locator('main button[type=submit]').click()]);
    expect(await page.locator('h1').textContent()).toBe('Decisions board');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'you see the decisions of your unit (Demo policy unit A) only',
    );
    await page.locator('#f-stage').selectOption('drafting');
    await Promise.all([page.waitForURL(/stage=drafting/), page.getByRole('button', { name: 'Filter' }).click()]);
    await expect(page.locator('#list-h + form + .table-wrap').textContent()).resolves.toContain('关于本单位登记的决定');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-board-en');
    await context.close();
  });
});
