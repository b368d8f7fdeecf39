import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { collectPageErrors, launchBrowser, newContext, seriousAxeViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { APPLICANT, repliedLetter } from '../support/disclosure-http';
import { login } from '../support/http';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { ownText, punctuationFaults, type PageLanguage } from '../support/punctuation';
import { uniqueTaskQueue } from '../support/temporal';

// The applicant's pages in a real browser (issue 18): the application form and the lookup, in zh-CN and
// English, without JavaScript for the flow; axe, console errors and punctuation on every page reached.

const NAME = '赵申请人';

describe('the disclosure application form and lookup in a real browser', () => {
  let db: TestDatabase;
  let app: DataSource;
  let system: MediumSystem;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(app, 'e2e-password', new Date());
    // Every lookup here comes from one client: a budget above the pages' needs (the limit is tested over HTTP).
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('disclosure-site'),
      gatewayEnv: { DISCLOSURE_BURST: '100' },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await app?.destroy();
    await db?.drop();
  });

  /** The page as it stands passes axe and the punctuation check of its language. */
  async function check(page: Page, lang: PageLanguage): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
  }

  async function fillApplication(page: Page, name: string): Promise<void> {
    await page.selectOption('#da-unit', 'unit-a');
    await page.selectOption('#da-applicantKind', 'natural_person');
    await page.fill('#da-applicantName', name);
    await page.selectOption('#da-idDocumentType', 'resident_id');
    await page.fill('#da-idDocumentNumber', '11010519491231002X');
    await page.fill('#da-phone', '13912340000');
    await page.fill('#da-informationDescription', '2025年度城区公共停车场收费标准的核定文件');
    await page.selectOption('#da-deliveryForm', 'electronic');
    await page.selectOption('#da-deliveryWay', 'online');
  }

  it.each(['zh-CN', 'en'] as PageLanguage[])(
    'applies, keeps what was typed beside a refusal, shows the receipt and secret once, and looks the case up (%s)',
    async (lang) => {
      const stage = lang === 'zh-CN' ? '登记' : 'Registration';
      // Without JavaScript once (the form and lookup need none), with it for axe in each language.
      for (const javaScript of lang === 'zh-CN' ? [false, true] : [true]) {
        const context = await newContext(browser, { javaScript });
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${system.baseUrl}/disclosure/apply?lang=${lang}`);
        if (javaScript) await check(page, lang);
        await fillApplication(page, ' ');
        await page.click('button[type="submit"]');
        expect(await page.locator('#err-applicantName').count()).toBe(1);
        expect(await page.inputValue('#da-informationDescription')).toContain('停车场');
        expect(await page.inputValue('#da-idDocumentNumber')).toBe('11010519491231002X');
        if (javaScript) await check(page, lang);
        await page.fill('#da-applicantName', NAME);
        await page.click('button[type="submit"]');
        const receipt = (await page.textContent('#receipt'))!.trim();
        const secret = (await page.textContent('#secret'))!.trim();
        expect(receipt).toMatch(/^GK-/);
        expect(page.url()).not.toContain(secret);
        if (javaScript) {
          await check(page, lang);
          await page.setViewportSize({ width: 390, height: 844 });
          expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
          await page.setViewportSize({ width: 1280, height: 900 });
        }

        await page.goto(`${system.baseUrl}/disclosure/lookup?lang=${lang}`);
        await page.fill('#dl-receipt', receipt);
        await page.fill('#dl-secret', `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`);
        await page.click('button[type="submit"]');
        expect(await page.locator('#lookup-error').count()).toBe(1);
        expect(await page.content()).not.toContain(NAME);
        await page.fill('#dl-secret', secret);
        await page.click('button[type="submit"]');
        expect(await page.textContent('#stage-h')).toContain(stage);
        expect(await page.locator('time').count()).toBeGreaterThan(1);
        const shown = await page.content();
        expect([shown.includes(NAME), shown.includes('****002X'), shown.includes('11010519491231002X')]).toEqual([
          true,
          true,
          false,
        ]);
        expect(page.url()).not.toContain(secret);
        if (javaScript) await check(page, lang);
        expect(errors.filter((e) => !/status of (404|422)/.test(e))).toEqual([]);
        await context.close();
      }
    },
  );
  it.each(['zh-CN', 'en'] as PageLanguage[])(
    'shows a staff-registered letter’s issued reply on the lookup and downloads its HTML and PDF by form (%s)',
    async (lang) => {
      const tokens = {
        drafter: await login(system.baseUrl, 'drafter', 'e2e-password'),
        reviewer: await login(system.baseUrl, 'reviewer', 'e2e-password'),
      };
      const replied = await repliedLetter(system.baseUrl, tokens, `site-letter-${lang}`);
      const directory = mkdtempSync(join(tmpdir(), 'od-reply-'));
      // Without JavaScript once (plain forms), with it for axe.
      for (const javaScript of lang === 'zh-CN' ? [false, true] : [true]) {
        const context = await newContext(browser, { javaScript });
        try {
          const page = await context.newPage();
          const errors = collectPageErrors(page);
          await page.goto(`${system.baseUrl}/disclosure/lookup?lang=${lang}`);
          await page.fill('#dl-receipt', replied.receipt);
          await page.fill('#dl-secret', replied.secret);
          await page.click('form[action^="/disclosure/lookup"] button[type="submit"]');
          await expect(page.locator('#reply-h').count()).resolves.toBe(1);
          await expect(page.locator('article.reply-document').textContent()).resolves.toContain(replied.receipt);
          const shown = await page.content();
          expect(shown).toContain(replied.sha256);
          expect(shown).not.toContain(replied.secret);
          expect(shown).not.toMatch(new RegExp(`${APPLICANT.idNumber}|${APPLICANT.phone}|${APPLICANT.address}`));
          expect(
            await page.locator('form[action^="/disclosure/lookup/reply-document."] input[name="token"]').count(),
          ).toBe(2);
          if (!javaScript) continue; // the downloads themselves are plain forms; they are followed with JavaScript on
          await check(page, lang);

          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.click('form[action="/disclosure/lookup/reply-document.pdf"] button'),
          ]);
          const saved = join(directory, `reply-${lang}-${javaScript}.pdf`);
          await download.saveAs(saved);
          expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(replied.sha256);

          expect(errors).toEqual([]);
          // The standalone document has no icon of its own: the browser's favicon probe may 404 there.
          await page.click('form[action="/disclosure/lookup/reply-document.html"] button');
          await expect(page.locator('article.reply-document').textContent()).resolves.toContain(replied.receipt);
          expect(page.url()).not.toContain(replied.secret);
          expect(await seriousAxeViolations(page)).toEqual([]);
          expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
        } finally {
          await context.close();
        }
      }
      rmSync(directory, { recursive: true, force: true });
    },
    60_000,
  );
});
