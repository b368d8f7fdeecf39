import type { Page } from 'playwright-core';
import { collectPageErrors, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { call, login, publishForConsultation } from '../support/http';
import { ownText, punctuationFaults, type PageLanguage } from '../support/punctuation';
import { driveToExecution, inSeconds, waitForStage, type Staff } from './support/public-staff';

// Issue 17, items 4 and 5 (ADRs 106, 107): every page type at 390 × 844 — the public pages in both
// languages and the console — scrolls nowhere sideways, and a screenshot of each is written; the decision
// page leads with what matters at its stage. One browser, one page per type, two seeded decisions.

const PHONE = { width: 390, height: 844 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Far enough for the countdown to read "3 days 5 hours" for the next half hour. */
const CLOSES_IN = 3 * DAY + 5 * HOUR + 30 * 60_000;
const LONG_OPINION = `建议在医院、学校周边增设夜间免费停车位，并公布收费依据。${'https://example.org/a-very-long-link-without-spaces-'.repeat(3)}`;

/**
 * The page types whose markup this change touched get axe here (the others' axe runs are the site-shell
 * and public-site tests'); every page gets the width check.
 */
const AXE_PUBLIC = new Set(['decision-consultation', 'decision-in-force', 'timeline', 'verify-decision', 'receipt']);
const AXE_CONSOLE = new Set(['console-board', 'console-workspace-execution', 'console-opinions']);

interface Width {
  scrollWidth: number;
  /** Elements wider than the viewport or reaching past its right edge, and boxes that scroll sideways. */
  wide: string[];
}

/** The page's width and whatever sticks out of the viewport (hidden and clipped helpers aside). */
async function measure(page: Page): Promise<Width> {
  return page.evaluate<Width>(`(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('.visually-hidden, .skip-link, thead')) continue;
      const box = el.getBoundingClientRect();
      const scrolls = (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      const spills = style.overflowX === 'visible' && box.left + el.scrollWidth > vw + 0.5;
      if (box.width > vw + 0.5 || box.right > vw + 0.5 || scrolls || spills)
        wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ /g, '.') : '') + ' ' + Math.round(box.right) + (scrolls ? ' scrolls' : spills ? ' spills' : ''));
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
  })()`);
}

describe('the site on a phone and the decision page by stage', () => {
  let h: ConsoleHarness;
  const staff: Staff = { baseUrl: '', tokens: {} };
  let consulting: string;
  let inForce: string;
  let receipt: string;
  const url = (path: string): string => `${h.system.baseUrl}${path}`;

  beforeAll(async () => {
    h = await startConsoleHarness('phone-layout');
    staff.baseUrl = h.system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager'])
      staff.tokens[user] = await login(h.system.baseUrl, user, STAFF_PASSWORD);
    const register = async (title: string): Promise<string> =>
      (
        await call(h.system.baseUrl, 'POST', '/api/v1/decisions', {
          token: staff.tokens['drafter'],
          json: {
            title,
            summary: `${title}的概要。`,
            unit: 'unit-a',
            category: 'transport',
            confidential: false,
            riskAssessmentRequired: false,
          },
        })
      ).body.decisionId as string;
    consulting = await register('关于调整城区公共停车收费标准的决定');
    inForce = await register('关于推进老旧小区改造的实施方案');
    const opensAt = inSeconds(2);
    await Promise.all([
      publishForConsultation(h.system.baseUrl, staff.tokens, consulting, {
        opensAt,
        closesAt: new Date(Date.parse(opensAt) + CLOSES_IN).toISOString(),
      }),
      publishForConsultation(h.system.baseUrl, staff.tokens, inForce, {
        opensAt,
        closesAt: new Date(Date.parse(opensAt) + 2_000).toISOString(),
      }),
    ]);
    const executed = driveToExecution(staff, inForce);
    await waitForStage(h.system.baseUrl, consulting, 'consultation');
    const sent = await call(h.system.baseUrl, 'POST', `/api/v1/public/decisions/${consulting}/opinions`, {
      json: { text: LONG_OPINION, section: '第三条' },
    });
    expect(sent.status).toBe(201);
    receipt = sent.body.receipt as string;
    await executed;
  }, 180_000);

  afterAll(async () => {
    await h?.stop();
  });

  /** The public page types, each with the name of its screenshot. */
  const publicPages = (): Array<[string, string]> => [
    ['/', 'home'],
    ['/decisions', 'catalogue'],
    [`/decisions/${consulting}`, 'decision-consultation'],
    [`/decisions/${inForce}`, 'decision-in-force'],
    [`/decisions/${inForce}/timeline`, 'timeline'],
    [`/decisions/${inForce}/changes`, 'changes'],
    [`/decisions/${inForce}/verify`, 'verify-decision'],
    ['/verify', 'verify-index'],
    ['/receipts', 'receipts'],
    [`/receipts?receipt=${receipt}&sent=1`, 'receipt'],
    ['/calendar', 'calendar'],
    ['/accessibility', 'accessibility'],
    ['/decisions/no-such-decision', 'not-found'],
  ];

  it.each(['zh-CN', 'en'] as PageLanguage[])(
    'scrolls no public page sideways at 390 px (%s), with no punctuation fault or serious axe violation',
    async (lang) => {
      const context = await newContext(h.browser);
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      const errors = collectPageErrors(page);
      try {
        for (const [path, name] of publicPages()) {
          const response = await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
          expect([path, response?.status()]).toEqual([path, name === 'not-found' ? 404 : 200]);
          // The verifier's words (a 64-character hash among them) arrive by script: measure them too.
          if (name === 'verify-decision') await page.locator('#verify-status[data-verdict]').waitFor();
          expect({ path, lang, ...(await measure(page)) }).toEqual({ path, lang, scrollWidth: 390, wide: [] });
          expect({ path, lang, faults: punctuationFaults(await ownText(page), lang) }).toEqual({
            path,
            lang,
            faults: [],
          });
          if (lang === 'zh-CN' && AXE_PUBLIC.has(name))
            expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
          if (lang === 'zh-CN' || name.startsWith('decision-')) await screenshot(page, `layout-${name}-${lang}`);
        }
        expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it('fits the decision pages and the log on a phone in large-text mode too, with no serious axe violation', async () => {
    const context = await newContext(h.browser);
    await context.addCookies([{ name: 'od_text', value: 'large', url: h.system.baseUrl }]);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    try {
      for (const path of [`/decisions/${consulting}`, `/decisions/${inForce}`, `/decisions/${inForce}/timeline`]) {
        await page.goto(url(path));
        expect(await page.getAttribute('html', 'class')).toBe('large-text');
        expect({ path, ...(await measure(page)) }).toEqual({ path, scrollWidth: 390, wide: [] });
        expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
      }
      await screenshot(page, 'layout-timeline-large-text');
    } finally {
      await context.close();
    }
  });

  it('scrolls no console page sideways at 390 px', async () => {
    const { context, page } = await signIn(h, 'drafter', { viewport: 'phone' });
    const admin = await signIn(h, 'admin', { viewport: 'phone' });
    const login = await newContext(h.browser, { viewport: 'phone' });
    try {
      const pages: Array<[Page, string, string]> = [
        [await login.newPage(), '/console/login', 'console-login'],
        [page, '/console', 'console-board'],
        [page, '/console/decisions/new', 'console-register'],
        [page, `/console/decisions/${consulting}`, 'console-workspace-consultation'],
        [page, `/console/decisions/${inForce}`, 'console-workspace-execution'],
        [page, `/console/decisions/${consulting}/opinions`, 'console-opinions'],
        [admin.page, '/console/calendar', 'console-calendar'],
      ];
      for (const [tab, path, name] of pages) {
        expect([path, (await tab.goto(url(path)))?.status()]).toEqual([path, 200]);
        expect({ path, ...(await measure(tab)) }).toEqual({ path, scrollWidth: 390, wide: [] });
        if (AXE_CONSOLE.has(name))
          expect({ path, violations: await seriousAxeViolations(tab) }).toEqual({ path, violations: [] });
        await screenshot(tab, `layout-${name}`);
      }
    } finally {
      await Promise.all([context.close(), admin.context.close(), login.close()]);
    }
  }, 90_000);

  it('shows tables as labelled cards, the chart as HTML bars and hashes behind a toggle on a phone', async () => {
    const context = await newContext(h.browser, { viewport: 'phone', javaScript: false });
    const page = await context.newPage();
    try {
      await page.goto(url(`/decisions/${inForce}`));
      await expect(page.locator('img.chart').isVisible()).resolves.toBe(false);
      const bars = page.locator('ol.progress-bars > li');
      await expect(bars.count()).resolves.toBe(2);
      await expect(bars.nth(0).textContent()).resolves.toContain('已逾期');
      await expect(bars.nth(1).locator('progress').getAttribute('value')).resolves.toBe('60');
      const due = page.locator('#execution tbody tr').nth(0).locator('td[data-label="完成期限"]');
      // Functions evaluated in the page (serialized: no closure), typed loosely as the tests have no DOM types.
      const label = (cell: unknown): string => (globalThis as any).getComputedStyle(cell, '::before').content;
      const wrap = (cell: any): string => (globalThis as any).getComputedStyle(cell.querySelector('time')).whiteSpace;
      await expect(due.evaluate(label)).resolves.toBe('"完成期限"');
      await expect(due.evaluate(wrap)).resolves.toBe('nowrap');
      await page.goto(url(`/decisions/${inForce}/timeline`));
      const first = page.locator('ol.timeline > li').first();
      await expect(first.locator('code.hash').first().isVisible()).resolves.toBe(false);
      await first.locator('details.tech > summary').click();
      await expect(first.locator('code.hash').first().isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('leads a decision in force with the decision, its interpretation and progress, the history folded below', async () => {
    const context = await newContext(h.browser, { javaScript: false });
    const page = await context.newPage();
    try {
      await page.goto(url(`/decisions/${inForce}`));
      const order = await page.locator('main h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
      expect(order.slice(0, 4)).toEqual(['toc-h', 'summary-h', 'outcome-h', 'exec-h']);
      expect(order.indexOf('docs-h')).toBeGreaterThan(order.indexOf('acc-h'));
      await expect(page.locator('details#history').getAttribute('open')).resolves.toBeNull();
      await expect(page.getByText('改造内容包括加装电梯、管网更新和停车设施。').isVisible()).resolves.toBe(true);
      await expect(page.locator('#docs-h').isVisible()).resolves.toBe(false);
      const toc = page.locator('nav.toc');
      await expect(toc.locator('> ol > li > a').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['概要', '决策公布与政策解读', '执行进展', '征求意见和草案的经过']),
      );
      await toc.getByRole('link', { name: '征求意见安排' }).click();
      await expect(page.locator('details#history').getAttribute('open')).resolves.toBe('');
      await expect(page.locator('#plan-h').isVisible()).resolves.toBe(true);
      await screenshot(page, 'layout-decision-in-force');
    } finally {
      await context.close();
    }
  });

  it('leads an open consultation with the consultation, a countdown in words and the opinion form', async () => {
    const context = await newContext(h.browser, { javaScript: false });
    const page = await context.newPage();
    try {
      await page.goto(url(`/decisions/${consulting}`));
      await expect(page.locator('#countdown').textContent()).resolves.toMatch(
        /^征求意见正在进行，还剩 3 天 5 小时，截止时间：\d{4}-\d\d-\d\d \d\d:\d\d。$/,
      );
      const order = await page.locator('main h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
      expect(order.slice(0, 5)).toEqual(['toc-h', 'summary-h', 'plan-h', 'form-h', 'docs-h']);
      await expect(page.locator('details#history').count()).resolves.toBe(0);
      await page.goto(url(`/decisions/${consulting}?lang=en`));
      await expect(page.locator('#countdown').textContent()).resolves.toContain(
        'The consultation is open: 3 days 5 hours left. It closes on ',
      );
    } finally {
      await context.close();
    }
  });
});
