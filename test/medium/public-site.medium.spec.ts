import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { collectPageErrors, launchBrowser, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation } from '../support/http';
import { ownText, punctuationFaults, type PageLanguage } from '../support/punctuation';
import { uniqueTaskQueue } from '../support/temporal';
import {
  act,
  driveToExecution,
  inSeconds,
  published,
  publishFeedback,
  waitForStage,
  type Staff,
} from './support/public-staff';

// The public path in a real browser (issue 5): find a decision, read it, send an opinion without
// JavaScript, see and look up the receipt, read the feedback once published, follow the timeline and
// verify the chain in the browser — in zh-CN, and once in English. The staff side runs over the API.

const PASSWORD = 'e2e-password';
const TITLE = '关于调整城区公共停车收费标准的决定';
const EXEC_TITLE = '关于推进老旧小区改造的实施方案';
const SECRET_TITLE = '涉密事项不得出现在公开页面';
/** A confidential decision that gets published: only its approved public title and summary may show (ADR 29). */
const PUBLISHED_SECRET = {
  title: '涉密登记标题不得公开',
  summary: '涉密登记摘要不得公开',
  publicTitle: '经审核公开的涉密事项标题',
  publicSummary: '经审核公开的涉密事项摘要',
};
const SCRIPT_OPINION = '<script>alert(1)</script>建议夜间停车免费，联系电话13912345678';
const FORM_LETTER = '坚决反对停车收费标准翻倍，这会显著增加居民出行负担，建议维持现行标准并增加公共停车位。';
const REASON = '收费标准按停车设施建设和运营成本核定，夜间标准已下调，白天标准需保持以促进车位周转。';
/** Long enough for the consultation-stage steps on a slow machine; the rest waits for the seal. */
const CONSULTATION_SECONDS = 30;
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 404: 'Not Found', 422: 'Unprocessable Entity' };

describe('the public site in a real browser', () => {
  let db: TestDatabase;
  let app: DataSource;
  let system: MediumSystem;
  let browser: Browser;
  const staff: Staff = { baseUrl: '', tokens: {} };
  let id: string;
  let execId: string;
  let secretId: string;
  let publishedSecretId: string;
  let executionReady: Promise<void>;
  const receipts: string[] = [];
  const visited = new Set<string>();

  const url = (path: string): string => `${system.baseUrl}${path}`;
  const register = async (overrides: Parameters<typeof aRegistration>[0]): Promise<string> =>
    (
      await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: staff.tokens['drafter'],
        json: aRegistration(overrides),
      })
    ).body.decisionId as string;

  /** A page in a fresh context that records console errors and CSP violations; closed by `done`. */
  async function open(
    options: { javaScript?: boolean; viewport?: 'desktop' | 'phone' } = {},
  ): Promise<{ page: Page; context: BrowserContext; errors: string[]; done: () => Promise<void> }> {
    const context = await newContext(browser, options);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') visited.add(response.url().replace(system.baseUrl, ''));
    });
    return { page, context, errors, done: () => context.close() };
  }

  /** Console errors other than the browser's own report of a page answered with `status` on purpose. */
  const unexpected = (errors: string[], status: number): string[] =>
    errors.filter(
      (e) => e !== `Failed to load resource: the server responded with a status of ${status} (${STATUS_TEXT[status]})`,
    );

  /** Loads `path` with JavaScript on, checks axe and the console, and writes desktop and phone screenshots. */
  async function checkPageType(path: string, name: string, expectedStatus = 200): Promise<Page> {
    const { page, errors, done } = await open();
    const response = await page.goto(url(path));
    expect(response?.status()).toBe(expectedStatus);
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, name);
    expect(unexpected(errors, expectedStatus)).toEqual([]);
    await done();
    return page;
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(app, PASSWORD, new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('public-site'),
      gatewayEnv: { OPINION_BURST: '1000' },
    });
    staff.baseUrl = system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager'])
      staff.tokens[user] = await login(system.baseUrl, user, PASSWORD);
    browser = await launchBrowser();

    secretId = await register({ title: SECRET_TITLE, confidential: true, confidentialGround: '工作秘密' });
    publishedSecretId = await register({
      title: PUBLISHED_SECRET.title,
      summary: PUBLISHED_SECRET.summary,
      confidential: true,
      confidentialGround: '工作秘密',
    });
    await publishConfidential(publishedSecretId);
    id = await register({ title: TITLE, summary: '调整中心城区公共停车场白天和夜间收费标准。' });
    execId = await register({ title: EXEC_TITLE, summary: '三年内完成老旧小区改造。', unit: 'unit-a' });
    const opensAt = inSeconds(2);
    await Promise.all([
      publishForConsultation(system.baseUrl, staff.tokens, id, {
        opensAt,
        closesAt: new Date(Date.parse(opensAt) + CONSULTATION_SECONDS * 1000).toISOString(),
      }),
      publishForConsultation(system.baseUrl, staff.tokens, execId, {
        opensAt,
        closesAt: new Date(Date.parse(opensAt) + 2_000).toISOString(),
      }),
    ]);
    executionReady = driveToExecution(staff, execId);
    executionReady.catch(() => undefined); // awaited (and reported) by the execution test
    await waitForStage(system.baseUrl, id, 'consultation');
    // Ten near-identical letters make a concentrated cluster for the feedback report.
    for (let i = 0; i < 10; i += 1) {
      const sent = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text: `${FORM_LETTER}${'！'.repeat(i % 3)}` },
      });
      expect(sent.status).toBe(201);
    }
  }, 120_000);

  /** A confidential decision straight to execution: adopted, then published with its approved public title and summary. */
  async function publishConfidential(decisionId: string): Promise<void> {
    await act(staff, 'drafter', decisionId, 'draft-versions', {
      draft: '涉密草案全文',
      basis: '依据',
      explanation: '说明',
    });
    await act(staff, 'drafter', decisionId, 'submit-for-decision');
    await act(staff, 'drafter', decisionId, 'legality-review-request');
    await act(staff, 'reviewer', decisionId, 'legality-review', { opinion: 'lawful', text: '合法' });
    await act(staff, 'manager', decisionId, 'collective-decision', {
      meeting: '专题会议',
      date: inSeconds(0),
      outcome: 'adopted',
    });
    await published(staff, decisionId, 'publish-decision', {
      text: '涉密事项决定公开文本。',
      interpretation: { plainLanguage: '公开解读。' },
      executionUnit: 'unit-a',
      milestones: [{ title: '实施', unit: 'unit-a', dueAt: inSeconds(200 * 86_400), weight: 1 }],
      evaluationDueAt: inSeconds(700 * 86_400),
      publicTitle: PUBLISHED_SECRET.publicTitle,
      publicSummary: PUBLISHED_SECRET.publicSummary,
    });
  }

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await app?.destroy();
    await db?.drop();
  });

  it('finds the decision by searching the catalogue, without JavaScript, and never lists a confidential one', async () => {
    const { page, errors, done } = await open({ javaScript: false });
    await page.goto(url('/decisions'));
    await page.getByLabel('关键词').fill('停车收费');
    await page.getByLabel('阶段').selectOption('consultation');
    await page.getByRole('button', { name: '查询' }).click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('停车收费');
    await expect(page.locator('#results-h + p').textContent()).resolves.toContain('共 1 项');
    expect(await page.content()).not.toContain(SECRET_TITLE);
    await page.getByRole('link', { name: TITLE }).click();
    expect(page.url()).toBe(url(`/decisions/${id}`));
    await expect(page.locator('h1').textContent()).resolves.toBe(TITLE);
    await expect(page.locator('.stage-bar [aria-current="step"]').textContent()).resolves.toContain('征求意见');
    await expect(page.locator('#docs-h + p + h3 + .document').textContent()).resolves.toBe('草案');
    const beijingYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await page.goto(url(`/decisions?year=${beijingYear}&unit=unit-a`));
    await expect(page.getByRole('link', { name: TITLE }).count()).resolves.toBe(1);
    await page.goto(url('/decisions?year=2001'));
    await expect(page.locator('#results-h + p').textContent()).resolves.toContain('共 0 项');
    expect(errors).toEqual([]);
    await done();
  });

  it('keeps what was typed when an opinion is refused, then shows the receipt once it is stored (no JavaScript)', async () => {
    const { page, errors, done } = await open({ javaScript: false });
    await page.goto(url(`/decisions/${id}`));
    await page.getByLabel('意见内容（必填）').fill('长'.repeat(5001));
    await page.getByLabel('涉及的条款（选填）').fill('第三条');
    await page.getByLabel('姓名').fill('张三');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: '提交意见' }).click(),
    ]);
    expect(refused.status()).toBe(422);
    expect(refused.headers()['cache-control']).toBe('no-store');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('意见内容最多 5000 字');
    expect(await page.getByLabel('意见内容（必填）').inputValue()).toHaveLength(5001);
    expect(await page.getByLabel('涉及的条款（选填）').inputValue()).toBe('第三条');
    expect(await page.getByLabel('姓名').inputValue()).toBe('张三');
    expect(await page.getByLabel('意见内容（必填）').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('意见内容（必填）').fill(SCRIPT_OPINION);
    await page.getByRole('button', { name: '提交意见' }).click();
    expect(new URL(page.url()).pathname).toBe('/receipts');
    await expect(page.getByRole('heading', { name: '您的意见已提交成功' }).isVisible()).resolves.toBe(true);
    const receipt = (await page.locator('#receipt').textContent())!;
    expect(receipt).toMatch(/^OD-[0-9A-Z-]+$/);
    receipts.push(receipt);
    await expect(page.locator('#status-h').textContent()).resolves.toContain('已收到，已公开');
    expect(unexpected(errors, 422)).toEqual([]);
    await done();
  });

  it('stores a double-submitted form once: the hidden idempotency key gives the same receipt', async () => {
    const page = await (await fetch(url(`/decisions/${id}`))).text();
    const key = /name="key" value="([^"]+)"/.exec(page)![1]!;
    const post = (): Promise<Response> =>
      fetch(url(`/decisions/${id}`), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key, text: '建议增加路边临时停车位。', section: '' }),
      });
    const [first, second] = [await post(), await post()];
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const fresh = await (await fetch(url(`/decisions/${id}`))).text();
    expect(/name="key" value="([^"]+)"/.exec(fresh)![1]).not.toBe(key);
  });

  it('looks the receipt up as typed carelessly, and shows an opinion with markup as text', async () => {
    const { page, errors, done } = await open();
    let alerted = false;
    page.on('dialog', (dialog) => {
      alerted = true;
      void dialog.dismiss();
    });
    await page.goto(url('/receipts'));
    await page.getByLabel('回执编号').fill(receipts[0]!.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('#status-h').textContent()).resolves.toContain('已收到，已公开');
    await page.getByRole('link', { name: TITLE }).click();
    const shown = page.locator('#opinions .opinion', { hasText: '<script>alert(1)</script>' });
    await expect(shown.count()).resolves.toBe(1);
    await expect(shown.isVisible()).resolves.toBe(true);
    await expect(page.locator('main script').count()).resolves.toBe(0);
    expect(await shown.textContent()).not.toContain('13912345678');
    expect(alerted).toBe(false);
    expect(errors).toEqual([]);
    await done();
  });

  it('sends an opinion in English and shows the receipt in English', async () => {
    const { page, errors, done } = await open({ javaScript: false, viewport: 'phone' });
    await page.goto(url(`/decisions/${id}?lang=en`));
    await expect(page.locator('#form-h').textContent()).resolves.toBe('Send your opinion');
    await page.getByLabel('Your opinion (required)').fill('Please keep night parking free near hospitals.');
    await page.getByRole('button', { name: 'Send opinion' }).click();
    // isVisible() does not wait: on a loaded machine the old page was still shown (no JavaScript, 303 + GET).
    await page.waitForURL(/\/receipts\?/);
    await expect(page.getByRole('heading', { name: 'Your opinion has been received' }).isVisible()).resolves.toBe(true);
    receipts.push((await page.locator('#receipt').textContent())!);
    await screenshot(page, 'public-receipt-en');
    expect(errors).toEqual([]);
    await done();
  });

  it('has no serious axe violations, console errors or CSP reports on the consultation-stage page types', async () => {
    await checkPageType('/', 'public-home');
    await checkPageType('/decisions?q=%E5%81%9C%E8%BD%A6', 'public-catalogue');
    await checkPageType(`/decisions/${id}`, 'public-decision-consultation');
    await checkPageType(`/receipts?receipt=${receipts[0]}`, 'public-receipt');
    await checkPageType('/receipts?receipt=OD-0000', 'public-receipt-invalid', 422);
    await checkPageType('/decisions/no-such-decision', 'public-error', 404);
    await checkPageType('/verify', 'public-verify-index');
  });

  it('shows the feedback report with its concentrated cluster and answers the receipt once feedback is published', async () => {
    await waitForStage(system.baseUrl, id, 'feedback', 60_000);
    await publishFeedback(staff, app, id, {
      verdict: 'partially_adopted',
      text: '夜间收费标准下调一半。',
      reason: REASON,
    });
    // The labels staff confirmed (publishFeedback confirms each as it is, ADR 77) are what the public reads:
    // the concentrated cluster's in the report, the first receipt's cluster's on the receipt page.
    const confirmed = async (where: string): Promise<string> =>
      (
        (await app.query(
          `SELECT c.label AS label FROM opinion_clusters c WHERE c.decision_id = '${id}' AND c.label_confirmed_at IS NOT NULL AND ${where}`,
        )) as [{ label: string }]
      )[0].label;
    const largest = await confirmed(`c.size = (SELECT MAX(size) FROM opinion_clusters WHERE decision_id = '${id}')`);
    const ofReceipt = await confirmed(
      `c.cluster_id = (SELECT cluster_id FROM opinions WHERE receipt = '${receipts[0]}')`,
    );
    const { page, errors, done } = await open({ javaScript: false });
    await page.goto(url(`/decisions/${id}`));
    const feedback = page.locator('#feedback');
    await expect(feedback.locator('h2').textContent()).resolves.toBe('意见采纳情况反馈');
    await expect(feedback.getByText('相对集中的意见及答复').isVisible()).resolves.toBe(true);
    await expect(feedback.getByText(REASON).first().isVisible()).resolves.toBe(true);
    await expect(feedback.textContent()).resolves.toContain(`「${largest}」`);
    await expect(page.locator('#plan-h ~ .table-wrap caption').textContent()).resolves.toContain('征求意见结束时冻结');
    await page.goto(url(`/receipts?receipt=${receipts[0]}`));
    await expect(page.locator('#status-h').textContent()).resolves.toContain('已答复');
    await expect(page.getByText(REASON).isVisible()).resolves.toBe(true);
    await expect(page.locator('#status-h ~ h3').textContent()).resolves.toContain(
      `对「${ofReceipt}」这类意见的统一答复`,
    );
    expect(errors).toEqual([]);
    await done();
  }, 240_000);

  it('follows the timeline with every entry hash-linked to the one before', async () => {
    const api = (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body;
    const { page, errors, done } = await open({ javaScript: false });
    await page.goto(url(`/decisions/${id}`));
    await page.getByRole('link', { name: '公开日志' }).click();
    expect(page.url()).toBe(url(`/decisions/${id}/timeline`));
    const items = page.locator('ol.timeline > li');
    await expect(items.count()).resolves.toBe(api.entries.length);
    for (const [i, entry] of (api.entries as Array<{ seq: number; hash: string; prevHash: string }>).entries()) {
      const item = items.nth(i);
      await expect(item.locator('h3').textContent()).resolves.toContain(`第 ${entry.seq} 条`);
      await expect(item.locator('code.hash').allTextContents()).resolves.toEqual([entry.hash, entry.prevHash]);
    }
    await expect(items.nth(0).locator('h3').textContent()).resolves.toContain('纳入决策事项目录');
    expect(errors).toEqual([]);
    await done();
    await checkPageType(`/decisions/${id}/timeline`, 'public-timeline');
  });

  it('verifies the chain in the browser with the same code as the command line, and catches a changed or removed entry', async () => {
    const head = (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.head as {
      seq: number;
      hash: string;
    };
    const page = await checkPageType(`/decisions/${id}/verify`, 'public-verify');
    expect(page).toBeDefined();
    const { page: verify, errors, done } = await open();
    const verdict = async (): Promise<{ verdict: string | undefined; text: string }> => {
      const status = verify.locator('#verify-status[data-verdict]');
      await status.waitFor();
      return {
        verdict: (await status.getAttribute('data-verdict')) ?? undefined,
        text: (await status.textContent()) ?? '',
      };
    };
    await verify.goto(url(`/decisions/${id}/verify`));
    const ok = await verdict();
    expect(ok.verdict).toBe('ok');
    expect(ok.text).toContain(`最新记录为第 ${head.seq} 条，哈希值 ${head.hash}`);
    await expect(verify.locator('pre code').first().textContent()).resolves.toBe(
      `npx open-decision verify ${system.baseUrl} ${id}`,
    );

    const tamper = async (
      change: (body: { entries: Array<Record<string, any>> }) => void,
    ): Promise<{ verdict: string | undefined; text: string }> => {
      await verify.route('**/api/v1/public/decisions/*/timeline', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        change(body);
        await route.fulfill({ response, json: body });
      });
      await verify.reload();
      const result = await verdict();
      await verify.unroute('**/api/v1/public/decisions/*/timeline');
      return result;
    };
    const changed = await tamper((body) => (body.entries[1]!['data']['draft'] = '被篡改的草案'));
    expect(changed.verdict).toBe('fail');
    expect(changed.text).toContain('第 2 条记录有问题（内容与哈希值不符');
    const removed = await tamper((body) => body.entries.splice(2, 1));
    expect(removed.verdict).toBe('fail');
    expect(removed.text).toContain('第 3 条记录有问题（缺少记录');
    expect(errors).toEqual([]);
    await done();
  });

  it('reads the feedback, follows the timeline and verifies the chain in English', async () => {
    const { page, errors, done } = await open();
    await page.goto(url(`/decisions?lang=en`));
    await page.getByLabel('Keywords').fill('停车');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.locator('#feedback h2').textContent()).resolves.toBe('Adoption feedback');
    await expect(page.getByText('Concentrated opinions and their answers').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Public log' }).click();
    await expect(page.locator('ol.timeline > li h3').first().textContent()).resolves.toContain(
      'Entered in the catalogue',
    );
    await expect(page.locator('ol.timeline > li > p:not(.meta)').first().textContent()).resolves.toMatch(
      /^Entered in the catalogue of major administrative decisions\. Summary: /,
    );
    expect(await page.locator('ol.timeline [lang="zh-CN"]').count()).toBe(0);
    await page.getByRole('link', { name: 'Verify this log in your browser' }).click();
    const status = page.locator('#verify-status[data-verdict]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Verified: \d+ entries, every hash and link holds/);
    await page.goto(url(`/receipts?receipt=${receipts[1]}`));
    await expect(page.locator('#status-h').textContent()).resolves.toContain('Answered');
    await screenshot(page, 'public-receipt-answered-en');
    expect(errors).toEqual([]);
    await done();
  });

  it('shows execution progress as an SVG chart with a table that flags the overdue milestone, findings and accountability', async () => {
    await executionReady;
    const svg = await fetch(url(`/decisions/${execId}/progress.svg`));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    const body = await svg.text();
    expect(body).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body).toContain('完成改造摸底调查（逾期）');

    const page = await checkPageType(`/decisions/${execId}`, 'public-decision-execution');
    expect(page).toBeDefined();
    const { page: view, errors, done } = await open({ javaScript: false });
    await view.goto(url(`/decisions/${execId}`));
    const chart = view.locator('img.chart');
    await expect(chart.getAttribute('alt')).resolves.toContain('执行进度图');
    await expect(chart.evaluate((img: { naturalWidth: number }) => img.naturalWidth).catch(() => -1)).resolves.not.toBe(
      0,
    );
    const rows = view.locator('#execution tbody tr');
    await expect(rows.nth(0).textContent()).resolves.toContain('已逾期');
    await expect(rows.nth(1).textContent()).resolves.toContain('60%');
    await expect(view.getByText('部分改造资金拨付滞后').isVisible()).resolves.toBe(true);
    await expect(view.getByText('已建立资金拨付台账并按月通报', { exact: false }).isVisible()).resolves.toBe(true);
    await expect(view.getByText('区住建局工程科').isVisible()).resolves.toBe(true);
    await expect(view.getByText('改造内容包括加装电梯、管网更新和停车设施。').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await done();
  });

  it('never shows anything of a confidential decision, nor raw opinion text or contact, on any page visited', async () => {
    for (const path of [
      `/decisions/${secretId}`,
      `/decisions/${secretId}/timeline`,
      `/decisions/${secretId}/changes`,
      `/decisions/${secretId}/verify`,
      `/decisions/${secretId}/progress.svg`,
    ]) {
      expect((await fetch(url(path))).status).toBe(404);
    }
    // Once published, a confidential decision shows its approved public title, and takes no opinion, in both languages.
    for (const lang of ['zh-CN', 'en']) {
      const { page, done } = await open();
      expect((await page.goto(url(`/decisions/${publishedSecretId}?lang=${lang}`)))?.status()).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(PUBLISHED_SECRET.publicTitle);
      await expect(page.locator('textarea[name=text]').count()).resolves.toBe(0);
      await page.goto(url(`/decisions/${publishedSecretId}/timeline?lang=${lang}`));
      await page.goto(url(`/decisions?q=${encodeURIComponent(PUBLISHED_SECRET.publicTitle)}&lang=${lang}`));
      await expect(page.content()).resolves.toContain(`/decisions/${publishedSecretId}`);
      await done();
    }
    // The search reads only published words (ADR 0125): a confidential draft or registered title finds
    // nothing, the published decision's text finds it.
    const searchPage = async (q: string): Promise<string> =>
      (await fetch(url(`/decisions?q=${encodeURIComponent(q)}`))).text();
    for (const q of ['涉密草案全文', PUBLISHED_SECRET.title, PUBLISHED_SECRET.summary, SECRET_TITLE, '工作秘密'])
      expect({ q, none: (await searchPage(q)).includes('共 0 项') }).toEqual({ q, none: true });
    const found = await searchPage('涉密事项决定公开文本');
    expect(found).toContain('共 1 项');
    expect(found).toContain(`/decisions/${publishedSecretId}`);
    const paths = [
      ...visited,
      '/',
      '/decisions',
      `/decisions?unit=unit-a`,
      `/decisions?year=${new Date().getFullYear()}`,
      '/verify',
    ];
    for (const path of paths) {
      const text = await (await fetch(url(path))).text();
      for (const secret of [
        SECRET_TITLE,
        secretId,
        PUBLISHED_SECRET.title,
        PUBLISHED_SECRET.summary,
        '涉密草案全文',
        '13912345678',
        '张三',
      ])
        expect({ path, leaked: text.includes(secret) ? secret : null }).toEqual({ path, leaked: null });
    }
    expect(visited.size).toBeGreaterThan(8);
  });

  it('lets shared caches keep public pages but never a page with a form key or a receipt', async () => {
    const cacheOf = async (path: string): Promise<string | null> =>
      (await fetch(url(path))).headers.get('cache-control');
    expect(await cacheOf(`/decisions/${id}/timeline`)).toBe('public, max-age=60');
    expect(await cacheOf('/decisions')).toBe('public, max-age=60');
    expect(await cacheOf(`/decisions/${id}`)).toBe('public, max-age=60');
    expect(await cacheOf(`/decisions/${execId}`)).toBe('no-store');
    expect(await cacheOf(`/receipts?receipt=${receipts[0]}`)).toBe('no-store');
  });

  it('tags the JSON timeline with its chain head: 304 while the head stays, 404 for a decision that is not public', async () => {
    const path = `/api/v1/public/decisions/${id}/timeline`;
    const first = await fetch(url(path));
    const body = (await first.json()) as { head: { seq: number; hash: string } };
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('etag')).toBe(`"${body.head.seq}-${body.head.hash}"`);
    const again = await fetch(url(path), { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect([again.status, await again.text(), again.headers.get('etag')]).toEqual([304, '', first.headers.get('etag')]);
    const stale = await fetch(url(path), { headers: { 'if-none-match': `"${body.head.seq - 1}-stale"` } });
    expect(stale.status).toBe(200);
    expect(((await stale.json()) as { head: unknown }).head).toEqual(body.head);
    for (const tag of ['"empty"', '*']) {
      const hidden = await fetch(url(`/api/v1/public/decisions/${secretId}/timeline`), {
        headers: { 'if-none-match': tag },
      });
      expect([hidden.status, (await hidden.text()).includes(SECRET_TITLE)]).toEqual([404, false]);
    }
  });

  it('uses full-width colons on every Chinese page visited and ASCII colons on the same pages in English', async () => {
    const paths = new Set<string>(['/accessibility']);
    for (const visitedUrl of visited) {
      const address = new URL(visitedUrl, system.baseUrl);
      if (address.pathname.endsWith('.svg')) continue;
      address.searchParams.delete('lang');
      address.searchParams.delete('sent');
      paths.add(`${address.pathname}${address.search}`);
    }
    const { page, done } = await open({ javaScript: false });
    for (const lang of ['zh-CN', 'en'] as PageLanguage[]) {
      for (const path of paths) {
        await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
        expect({ path, lang, faults: punctuationFaults(await ownText(page), lang) }).toEqual({
          path,
          lang,
          faults: [],
        });
      }
    }
    await done();
    expect(paths.size).toBeGreaterThan(8);
  });

  it('has no serious axe violations in large-text mode on the decision page types', async () => {
    await executionReady;
    const { page, context, errors, done } = await open();
    await context.addCookies([{ name: 'od_text', value: 'large', url: system.baseUrl }]);
    for (const path of [
      `/decisions/${id}`,
      `/decisions/${execId}`,
      `/decisions/${id}/timeline`,
      `/decisions/${id}/changes`,
      `/receipts?receipt=${receipts[0]}`,
    ]) {
      await page.goto(url(path));
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'class')).toBe('large-text');
      expect({ path, violations: await seriousAxeViolations(page) }).toEqual({ path, violations: [] });
    }
    await screenshot(page, 'public-receipt-large-text');
    expect(errors).toEqual([]);
    await done();
  });
});
