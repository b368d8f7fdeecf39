import type { Browser } from 'playwright-core';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { collectPageErrors, launchBrowser, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { uniqueTaskQueue } from '../support/temporal';

describe('the public site shell in a real browser', () => {
  let db: TestDatabase;
  let system: MediumSystem;
  let browser: Browser;

  beforeAll(async () => {
    const opened = await openTestDatabase('sqlite');
    db = opened.db;
    await opened.dataSource.destroy();
    system = await startMediumSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('site-shell') });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await db?.drop();
  });

  it('serves the home page in Chinese with a strict CSP, no script errors and no serious axe violations', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${system.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('重大行政决策公开');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'home');
    await context.close();
  });

  it('switches to English without JavaScript and remembers the choice', async () => {
    const context = await newContext(browser, { javaScript: false, viewport: 'phone' });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Major administrative decisions in the open');
    await page.goto(`${system.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'home-en');
    await context.close();
  });

  it('renders the API docs under their own CSP (no framing, scripts of this origin only) without errors', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${system.baseUrl}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await context.close();
  });
});
