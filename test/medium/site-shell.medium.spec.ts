import type { Browser } from 'playwright-core';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { collectPageErrors, launchBrowser, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { ownText, punctuationFaults, type PageLanguage } from '../support/punctuation';
import { uniqueTaskQueue } from '../support/temporal';

/** The footer's identity (ADR 91), as a deployment sets it. */
const SITE = {
  SITE_HOST_BODY: '某市人民政府办公室',
  SITE_HOST_BODY_EN: 'General Office of the City Government',
  SITE_CONTACT: '010-12345678',
  SITE_ID_CODE: '1100000088',
  SITE_ICP_FILING: '京ICP备12345678号-1',
};
/** The page types that need no decision: each is checked in both languages and in large-text mode. */
const SHELL_PAGES = [
  '/',
  '/decisions',
  '/receipts',
  '/receipts?receipt=OD-0000',
  '/verify',
  '/calendar',
  '/accessibility',
  '/decisions/no-such-decision',
];

describe('the public site shell in a real browser', () => {
  let db: TestDatabase;
  let system: MediumSystem;
  let browser: Browser;

  beforeAll(async () => {
    const opened = await openTestDatabase('sqlite');
    db = opened.db;
    await opened.dataSource.destroy();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('site-shell'),
      gatewayEnv: SITE,
    });
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

  it('states the hosting body, contact, site code and ICP filing in the footer of every page, in both languages', async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    for (const path of SHELL_PAGES) {
      await page.goto(`${system.baseUrl}${path}`);
      const footer = page.locator('footer .site-identity');
      await expect(footer.textContent()).resolves.toContain('主办单位：某市人民政府办公室');
      await expect(footer.textContent()).resolves.toContain('联系方式：010-12345678');
      await expect(footer.textContent()).resolves.toContain('网站标识码：1100000088');
      await expect(footer.getByRole('link', { name: '京ICP备12345678号-1' }).getAttribute('href')).resolves.toBe(
        'https://beian.miit.gov.cn/',
      );
    }
    await page.goto(`${system.baseUrl}/decisions?lang=en`);
    await expect(page.locator('footer .site-identity').textContent()).resolves.toContain(
      'Hosted by: General Office of the City Government',
    );
    await page.locator('footer').getByRole('link', { name: 'Accessibility statement' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Accessibility statement');
    await page.goto(`${system.baseUrl}/?lang=zh-CN`);
    await page.locator('footer').getByRole('link', { name: '无障碍声明' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('无障碍声明');
    await screenshot(page, 'accessibility-statement');
    await context.close();
  });

  it('keeps large-text mode across pages without JavaScript, usable at phone width with no serious axe violations', async () => {
    const plain = await newContext(browser, { javaScript: false, viewport: 'phone' });
    const page = await plain.newPage();
    await page.goto(`${system.baseUrl}/decisions`);
    const normalSize = await page.evaluate<string>('getComputedStyle(document.documentElement).fontSize');
    await page.getByRole('link', { name: '大字版' }).click();
    expect(await page.getAttribute('html', 'class')).toBe('large-text');
    await page.goto(`${system.baseUrl}/verify`);
    expect(await page.getAttribute('html', 'class')).toBe('large-text');
    const largeSize = await page.evaluate<string>('getComputedStyle(document.documentElement).fontSize');
    expect(parseFloat(largeSize)).toBeGreaterThan(parseFloat(normalSize));
    await page.getByRole('link', { name: '标准字号' }).click();
    expect(await page.getAttribute('html', 'class')).toBeNull();
    await page.goto(`${system.baseUrl}/`);
    expect(await page.getAttribute('html', 'class')).toBeNull();
    await plain.close();

    const context = await newContext(browser);
    const large = await context.newPage();
    const errors = collectPageErrors(large);
    await large.goto(`${system.baseUrl}/?text=large`);
    for (const lang of ['zh-CN', 'en']) {
      for (const path of SHELL_PAGES) {
        await large.setViewportSize({ width: 1280, height: 800 });
        await large.goto(`${system.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await large.waitForLoadState('networkidle');
        expect(await large.getAttribute('html', 'class')).toBe('large-text');
        expect({ path, lang, violations: await seriousAxeViolations(large) }).toEqual({ path, lang, violations: [] });
        await large.setViewportSize({ width: 390, height: 844 });
        const width = await large.evaluate<number>('document.documentElement.scrollWidth');
        expect({ path, lang, sideways: width > 390 }).toEqual({ path, lang, sideways: false });
        if (path === '/') await screenshot(large, `home-large-text-${lang}`);
      }
    }
    expect(errors.filter((e) => !/status of (404|422)/.test(e))).toEqual([]);
    await context.close();
  });

  it('uses full-width colons on Chinese pages and ASCII colons on English ones', async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    for (const lang of ['zh-CN', 'en'] as PageLanguage[]) {
      for (const path of SHELL_PAGES) {
        await page.goto(`${system.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect({ path, lang, faults: punctuationFaults(await ownText(page), lang) }).toEqual({
          path,
          lang,
          faults: [],
        });
      }
    }
    await context.close();
  });
});
