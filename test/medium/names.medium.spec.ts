import type { Page } from 'playwright-core';
import { toString as qrToString } from 'qrcode';
import { collectPageErrors, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation } from '../support/http';
import { ownText, punctuationFaults, type PageLanguage } from '../support/punctuation';
import { testClient } from '../support/temporal';
import { decisionWorkflowId } from '../../workflows/definitions';
import { act, driveToExecution, inSeconds, type Staff } from './support/public-staff';

// Names people know instead of codes, receipts people can keep, search that finds (issue 17 items 6, 7;
// ADR 108, 109): one decision taken to execution (milestones m1/m2, finding f1, unit-a, category housing)
// and one whose draft is published, read over HTTP, in Chromium and in the Temporal server's description.

const TITLE = '关于推进老旧小区改造的实施方案';
const DRAFT_TITLE = '关于优化公交线网的决定';
/** Words that occur only in the second decision's published draft. */
const DRAFT_WORDS = '夜间公交专线';
const UNIT = { zh: '示范起草单位甲', en: 'Demo policy unit A' };
const CATEGORY = { zh: '住房保障', en: 'Housing' };
/** Codes the log keeps and no Chinese page may show as text (ADR 108). */
const CODES_ZH = [/unit-a/, /\bonline\b/, /\blawful\b/, /\bhousing\b/, /\bin_progress\b/, /\bm[12]\b/, /\bf1\b/];
const CODES_EN = [/unit-a/, /\blawful\b/, /\bhousing\b/, /\bin_progress\b/, /\bm[12]\b/, /\bf1\b/];

describe('names, receipts and search on the pages a decision goes through', () => {
  let h: ConsoleHarness;
  const staff: Staff = { baseUrl: '', tokens: {} };
  let id: string;
  let draftId: string;
  const url = (path: string): string => `${h.system.baseUrl}${path}`;
  const register = async (overrides: Parameters<typeof aRegistration>[0]): Promise<string> =>
    (
      await call(h.system.baseUrl, 'POST', '/api/v1/decisions', {
        token: staff.tokens['drafter'],
        json: aRegistration(overrides),
      })
    ).body.decisionId as string;

  const htmlOf = async (path: string): Promise<string> => (await call(h.system.baseUrl, 'GET', path)).body as string;

  /** The page's own words (JavaScript off), after checking its punctuation. */
  async function wordsOf(path: string, language: PageLanguage): Promise<string> {
    const context = await newContext(h.browser, { javaScript: false });
    try {
      const page = await context.newPage();
      const response = await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`));
      expect(response?.status()).toBe(200);
      const text = await ownText(page);
      expect({ path, faults: punctuationFaults(text, language) }).toEqual({ path, faults: [] });
      return text;
    } finally {
      await context.close();
    }
  }

  beforeAll(async () => {
    h = await startConsoleHarness('names');
    staff.baseUrl = h.system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager'])
      staff.tokens[user] = await login(h.system.baseUrl, user, STAFF_PASSWORD);
    id = await register({ title: TITLE, summary: '三年内完成老旧小区改造。', category: 'housing' });
    draftId = await register({ title: DRAFT_TITLE, summary: '调整公交线路。', category: 'transport' });
    const opensAt = inSeconds(2);
    await publishForConsultation(h.system.baseUrl, staff.tokens, id, {
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 2_000).toISOString(),
    });
    await act(staff, 'drafter', draftId, 'draft-versions', {
      draft: `第一条 开通${DRAFT_WORDS}，服务夜间出行。`,
      basis: '依据',
      explanation: '说明',
    });
    await act(staff, 'drafter', draftId, 'consultation-plan', {
      channels: ['online', 'hearing'],
      opensAt: inSeconds(40 * 86_400),
      closesAt: inSeconds(80 * 86_400),
    });
    const submitted = await act(staff, 'drafter', draftId, 'submit-for-publication');
    await act(staff, 'reviewer', draftId, 'approve', { reviewId: submitted.reviews.at(-1).id });
    await driveToExecution(staff, id);
  }, 180_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('shows unit, category, milestone and finding names — never their codes — in both languages', async () => {
    const pages = ['/', '/decisions', `/decisions/${id}`, `/decisions/${id}/timeline`, `/decisions/${id}/verify`];
    for (const path of pages) {
      const zh = await wordsOf(path, 'zh-CN');
      expect({ path, has: zh.includes(UNIT.zh) }).toEqual({ path, has: true });
      expect({ path, codes: CODES_ZH.filter((code) => code.test(zh)).map(String) }).toEqual({ path, codes: [] });
      const en = await wordsOf(path, 'en');
      expect({ path, has: en.includes(UNIT.en) }).toEqual({ path, has: true });
      expect({ path, codes: CODES_EN.filter((code) => code.test(en)).map(String) }).toEqual({ path, codes: [] });
    }
    const decision = await wordsOf(`/decisions/${id}`, 'zh-CN');
    expect(decision).toContain(`类别：${CATEGORY.zh}`);
    expect(await wordsOf(`/decisions/${id}`, 'en')).toContain(`Category: ${CATEGORY.en}`);
    const timeline = await wordsOf(`/decisions/${id}/timeline`, 'zh-CN');
    expect(timeline).toContain('里程碑「完成首批 50 个小区改造」进度60%');
    expect(timeline).toContain('审计发现「部分改造资金拨付滞后」整改中');
    expect(timeline).toContain(`责任单位${UNIT.zh}`);
    const timelineEn = await wordsOf(`/decisions/${id}/timeline`, 'en');
    expect(timelineEn).toContain('Milestone “完成首批 50 个小区改造” at 60%');
    expect(timelineEn).toContain('Rectification of audit finding “部分改造资金拨付滞后” in progress');
    const draft = await wordsOf(`/decisions/${draftId}/timeline`, 'zh-CN');
    expect(draft).toContain('渠道：网上征求意见、听证会');
  });

  it('names units, milestones and findings in the Atom feeds, with no code in their text', async () => {
    for (const path of [`/feeds/decisions/${id}.atom`, '/feeds/decisions.atom']) {
      const xml = await htmlOf(path);
      // The element texts only: the event type stays the category's machine-readable term (ADR 124).
      const text = xml.replace(/<[^>]*>/g, '\n');
      expect({ path, codes: CODES_ZH.filter((code) => code.test(text)).map(String) }).toEqual({ path, codes: [] });
      expect({ path, faults: punctuationFaults(text, 'zh-CN') }).toEqual({ path, faults: [] });
      expect(text).not.toMatch(/（[A-Z][A-Za-z]+）/);
      expect(text).toContain(UNIT.zh);
    }
    const own = (await htmlOf(`/feeds/decisions/${id}.atom`)).replace(/<[^>]*>/g, '\n');
    expect(own).toContain('里程碑「完成首批 50 个小区改造」进度60%');
    expect(own).toContain('审计发现「部分改造资金拨付滞后」整改中');
  });

  it('shows the console in words, not codes, with the punctuation of each language', async () => {
    const pages: Record<string, string[]> = {
      drafter: [
        '/console',
        '/console/decisions/new',
        `/console/decisions/${id}`,
        `/console/decisions/${id}/opinions`,
        `/console/decisions/${draftId}`,
        '/console/disclosure',
      ],
      reviewer: ['/console', `/console/decisions/${draftId}`],
      admin: ['/console', '/console/calendar'],
    };
    for (const [user, paths] of Object.entries(pages)) {
      const { context, page } = await signIn(h, user);
      try {
        for (const lang of ['zh-CN', 'en'] as PageLanguage[]) {
          for (const path of paths) {
            const response = await page.goto(url(`${path}?lang=${lang}`));
            expect({ user, path, status: response?.status() }).toEqual({ user, path, status: 200 });
            const words = await ownText(page);
            const codes = (lang === 'en' ? CODES_EN : CODES_ZH).filter((code) => code.test(words)).map(String);
            expect({ user, path, lang, codes, faults: punctuationFaults(words, lang) }).toEqual({
              user,
              path,
              lang,
              codes: [],
              faults: [],
            });
          }
        }
      } finally {
        await context.close();
      }
    }
  });

  it('searches draft and decision texts, marks the words safely, and suggests a way on when nothing matches', async () => {
    const inDecision = await htmlOf('/decisions?q=加装电梯');
    expect(inDecision).toContain('<mark>加装电梯</mark>');
    expect(inDecision).toContain('决策文本中：');
    expect(inDecision).toContain(TITLE);
    const inDraft = await htmlOf(`/decisions?q=${encodeURIComponent(`开通 ${DRAFT_WORDS}`)}`);
    expect(inDraft).toContain(`<mark>开通</mark><mark>${DRAFT_WORDS}</mark>`);
    expect(inDraft).toContain('草案文本中：');
    const inTitle = await htmlOf('/decisions?q=老旧小区');
    expect(inTitle).toContain('关于推进<mark>老旧小区</mark>改造的实施方案');
    const marked = await htmlOf(`/decisions?q=${encodeURIComponent('<i>x</i> 电梯')}`);
    expect(marked).not.toContain('<i>x</i>');
    expect(marked).toContain('&lt;i&gt;x&lt;/i&gt;');
    const none = await htmlOf(`/decisions?q=${encodeURIComponent('没有这个词 也没有')}`);
    expect(none).toContain('共 0 项');
    expect(none).toContain(`href="/decisions?q=${encodeURIComponent('没有这个词')}"`);
    expect(none).toContain(`<a href="/decisions?category=housing">${CATEGORY.zh}</a>`);
    expect(none).toContain('最近更新的决策');
    expect(none).toContain(DRAFT_TITLE);
    await wordsOf(`/decisions?q=${encodeURIComponent('没有这个词 也没有')}`, 'zh-CN');
    await wordsOf(`/decisions?q=${encodeURIComponent('没有这个词 也没有')}`, 'en');
  });

  it('gives a receipt a copy button and a QR code of its page, with a text alternative', async () => {
    const sent = await call(h.system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
      json: { text: '建议加快加装电梯的审批。' },
    });
    expect(sent.status).toBe(201);
    const receipt = sent.body.receipt as string;
    const receiptUrl = url(`/receipts?receipt=${encodeURIComponent(receipt)}`);
    const context = await newContext(h.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.system.baseUrl });
    const page: Page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${receiptUrl}&sent=1`);
      const button = page.getByRole('button', { name: '复制回执编号' });
      await button.click();
      // The status is written once the clipboard's promise settles: wait for it, then read it exactly.
      await page.locator('.copy-status', { hasText: /./ }).waitFor({ timeout: 10_000 });
      await expect(page.locator('.copy-status').textContent()).resolves.toBe('已复制回执编号。');
      await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(receipt);
      const qr = page.locator('svg.qr');
      await expect(qr.getAttribute('role')).resolves.toBe('img');
      await expect(qr.getAttribute('aria-label')).resolves.toBe('本回执页面地址的二维码');
      const expected = await qrToString(receiptUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      const path = (svg: string): string[] => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
      expect(path(await qr.evaluate((e) => e.outerHTML))).toEqual(path(expected));
      await expect(page.locator('.receipt-qr a').getAttribute('href')).resolves.toBe(receiptUrl);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(punctuationFaults(await ownText(page), 'zh-CN')).toEqual([]);
      await screenshot(page, 'receipt-qr');
      await page.goto(`${receiptUrl}&lang=en`);
      await expect(page.getByRole('button', { name: 'Copy the receipt number' }).count()).resolves.toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(punctuationFaults(await ownText(page), 'en')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const plain = await newContext(h.browser, { javaScript: false });
    try {
      const page = await plain.newPage();
      await page.goto(`${receiptUrl}&sent=1`);
      await expect(page.locator('#receipt').textContent()).resolves.toBe(receipt);
      await expect(page.locator('button.copy-button').count()).resolves.toBe(0);
      await expect(page.locator('svg.qr').count()).resolves.toBe(1);
    } finally {
      await plain.close();
    }
  });

  it('plans milestones in the console with a row editor that works without JavaScript', async () => {
    const { context, page } = await signIn(h, 'drafter');
    try {
      await page.goto(url(`/console/decisions/${id}`));
      const details = page.locator('#act-milestones');
      await details.locator('summary').click();
      await expect(details.locator('fieldset.row-group').count()).resolves.toBe(3);
      await details.getByLabel('名称').first().fill('完成宣传解读');
      await details.getByLabel('责任单位').first().selectOption({ label: UNIT.zh });
      await details.getByLabel('完成期限').first().fill('2027-06-30');
      await details.getByLabel('权重').first().fill('1');
      await Promise.all([page.waitForLoadState(), details.getByRole('button', { name: '添加一行' }).click()]);
      const again = page.locator('#act-milestones');
      await expect(again.getAttribute('open')).resolves.not.toBeNull();
      await expect(again.locator('fieldset.row-group').count()).resolves.toBe(4);
      await expect(again.getByLabel('名称').first().inputValue()).resolves.toBe('完成宣传解读');
      await again.getByLabel('名称').nth(3).fill('开展满意度调查');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'console-milestone-rows');
      const post = async (): Promise<number> => {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.locator('#act-milestones form button[type=submit]:not([name])').click(),
        ]);
        await page.waitForLoadState();
        return response.status();
      };
      expect(await post()).toBe(422);
      await expect(page.locator('#refusal-milestones').textContent()).resolves.toContain('有一行没有填写完整');
      const refused = page.locator('#act-milestones');
      await refused.getByLabel('责任单位').nth(3).selectOption('unit-b');
      await refused.getByLabel('完成期限').nth(3).fill('2027-09-30');
      await refused.getByLabel('权重').nth(3).fill('2');
      expect(await post()).toBe(303);
      const facts = (await page.locator('#facts-h + dl').textContent()) ?? '';
      expect(facts).toContain(`完成宣传解读 · ${UNIT.zh}`);
      expect(facts).toContain('开展满意度调查 · 示范起草单位乙');
      expect(facts).not.toMatch(/unit-[ab]/);
      const words = await ownText(page);
      expect(punctuationFaults(words, 'zh-CN')).toEqual([]);
      expect(CODES_ZH.filter((code) => code.test(words)).map(String)).toEqual([]);
      await page.goto(url('/console/decisions/new'));
      await expect(page.locator('#f-register-category option', { hasText: CATEGORY.zh }).count()).resolves.toBe(1);
      await expect(page.locator('#f-register-unit').inputValue()).resolves.toBe('unit-a');
    } finally {
      await context.close();
    }
  });

  it('shows operators the title and unit of the workflow in the Temporal Web UI', async () => {
    const client = await testClient();
    try {
      const description = await client.workflow.getHandle(decisionWorkflowId(draftId)).describe();
      await expect(description.staticSummary()).resolves.toBe(`${DRAFT_TITLE} · ${UNIT.zh} (unit-a)`);
      await expect(description.staticDetails()).resolves.toContain('**类别 / Category**: transport');
      expect(description.memo).toMatchObject({ title: DRAFT_TITLE, unit: 'unit-a', unitName: UNIT.zh });
      // A decision in execution has continued as new at its stage boundaries: the server copies the memo
      // to each new run (the static summary stays with the first run, ADR 108).
      const handle = client.workflow.getHandle(decisionWorkflowId(id));
      const executed = await handle.describe();
      expect(executed.memo).toMatchObject({ title: TITLE, unit: 'unit-a', unitName: UNIT.zh, category: 'housing' });
      // Every run shows the same line as its current details (ADR 124), read through the SDK's query.
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toBe(`${TITLE} · ${UNIT.zh} (unit-a)`);
    } finally {
      await client.connection.close();
    }
  });
});
