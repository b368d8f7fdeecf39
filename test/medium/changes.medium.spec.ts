import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { collectPageErrors, launchBrowser, newContext, screenshot, seriousAxeViolations } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { aRegistration } from '../support/decisions';
import { call, login } from '../support/http';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { uniqueTaskQueue } from '../support/temporal';
import { act, inSeconds, published, waitForStage, type Staff } from './support/public-staff';

// The Changes page (issue 17 item 2): a draft published, returned by the collective meeting and published
// again with one article deleted and one inserted; both show, the selectors work without JavaScript,
// and an unknown version or a confidential decision shows nothing.

const PASSWORD = 'e2e-password';
const KEPT = '第一条 为规范中心城区公共停车收费，制定本办法。';
const DELETED = '第二条 白天停车每小时收费五元，不足一小时按一小时计。';
const INSERTED = '第三条 新能源汽车在公共停车场停放的，首小时免收停车费。';
const V1 = `${KEPT}\n${DELETED}`;
const V2 = `${KEPT}\n${INSERTED}`;
const SECRET_TITLE = '涉密决策不得出现在修改对照页面';

describe('the Changes page of a decision over HTTP and in a browser', () => {
  let db: TestDatabase;
  let app: DataSource;
  let system: MediumSystem;
  let browser: Browser;
  const staff: Staff = { baseUrl: '', tokens: {} };
  let id: string;
  let secretId: string;
  const url = (path: string): string => `${system.baseUrl}${path}`;

  const register = async (overrides: Parameters<typeof aRegistration>[0]): Promise<string> =>
    (
      await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: staff.tokens['drafter'],
        json: aRegistration(overrides),
      })
    ).body.decisionId as string;

  /** Saves `draft` and publishes it for a consultation of two seconds that opens in two. */
  async function publishDraft(draft: string): Promise<void> {
    await act(staff, 'drafter', id, 'draft-versions', { draft, basis: '依据', explanation: '说明' });
    const opensAt = inSeconds(2);
    await act(staff, 'drafter', id, 'consultation-plan', {
      channels: ['online'],
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 2_000).toISOString(),
      shortenedReason: '测试',
    });
    await act(staff, 'manager', id, 'shortened-consultation-approval');
    await published(staff, id, 'submit-for-publication', {});
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(app, PASSWORD, new Date());
    system = await startMediumSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('changes') });
    staff.baseUrl = system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager'])
      staff.tokens[user] = await login(system.baseUrl, user, PASSWORD);
    browser = await launchBrowser();
    secretId = await register({ title: SECRET_TITLE, confidential: true, confidentialGround: '工作秘密' });
    await act(staff, 'drafter', secretId, 'draft-versions', { draft: '涉密草案全文', basis: '依', explanation: '说' });
    id = await register({ title: '关于调整公共停车收费的决定' });
    await publishDraft(V1);
    await waitForStage(system.baseUrl, id, 'feedback');
    await published(staff, id, 'feedback-report', { summary: '未收到意见。', draftChanges: '无修改。' });
    await act(staff, 'drafter', id, 'legality-review-request');
    await act(staff, 'reviewer', id, 'legality-review', { opinion: 'lawful', text: '合法' });
    await act(staff, 'manager', id, 'collective-decision', {
      meeting: '市政府常务会议',
      date: inSeconds(0),
      outcome: 'returned',
      reason: '请补充新能源汽车的收费规定。',
    });
    await publishDraft(V2);
    await eventually(
      async () =>
        (
          (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries as Array<{
            type: string;
          }>
        ).filter((e) => e.type === 'DraftPublished').length === 2,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the second draft on the public log' },
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await app?.destroy();
    await db?.drop();
  });

  it('shows the deleted and the inserted article between the two published versions, in both languages', async () => {
    const zh = await call(system.baseUrl, 'GET', `/decisions/${id}/changes`);
    expect(zh.status).toBe(200);
    const page = String(zh.body);
    expect(page).toContain(`<del><span class="visually-hidden">［删除开始］</span>${DELETED}`);
    expect(page).toContain(`<ins><span class="visually-hidden">［新增开始］</span>${INSERTED}`);
    expect(page).toContain('从“第 1 稿”到“第 2 稿”：新增 1 条（段），删除 1 条（段），修改 0 条（段）。');
    expect(page).toContain(`<a href="/decisions/${id}/changes" aria-current="page">修改对照</a>`);
    const en = String((await call(system.baseUrl, 'GET', `/decisions/${id}/changes?lang=en&from=1&to=2`)).body);
    expect(en).toContain('From draft version 1 to draft version 2: 1 inserted, 1 deleted and 0 changed');
    expect(en).toContain(`<del><span class="visually-hidden">[deletion start]</span>${DELETED}`);
    const decisionPage = String((await call(system.baseUrl, 'GET', `/decisions/${id}`)).body);
    expect(decisionPage).toContain(`<a href="/decisions/${id}/changes">修改对照</a>`);
  });

  it('lets a reader choose the two versions without JavaScript', async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url(`/decisions/${id}`));
    await page.getByRole('link', { name: '修改对照' }).click();
    await page.getByLabel('原文本').selectOption('2');
    await page.getByLabel('对照文本').selectOption('1');
    await page.getByRole('button', { name: '比较' }).click();
    const query = new URL(page.url()).searchParams;
    expect([query.get('from'), query.get('to')]).toEqual(['2', '1']);
    await expect(page.locator('ol.changes ins').textContent()).resolves.toContain(DELETED);
    await expect(page.locator('ol.changes del').textContent()).resolves.toContain(INSERTED);
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('从“第 2 稿”到“第 1 稿”');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violation and never scrolls sideways on a phone', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const context = await newContext(browser, { viewport: 'phone' });
      const page = await context.newPage();
      await page.goto(url(`/decisions/${id}/changes?lang=${lang}`));
      expect(await seriousAxeViolations(page)).toEqual([]);
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
      await screenshot(page, `public-changes-${lang}`);
      await context.close();
    }
  });

  it('serves the same comparison as JSON, and problem+json for an unknown version', async () => {
    const reply = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/changes?from=1&to=2`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      documents: [
        { key: '1', kind: 'draft', version: 1 },
        { key: '2', kind: 'draft', version: 2 },
      ],
      from: '1',
      to: '2',
      counts: { inserted: 1, deleted: 1, changed: 0 },
    });
    expect(reply.body.blocks).toEqual([
      { op: 'equal', text: KEPT },
      { op: 'delete', text: DELETED },
      { op: 'insert', text: INSERTED },
    ]);
    const missing = await fetch(url(`/api/v1/public/decisions/${id}/changes?to=adopted`));
    expect([missing.status, missing.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
    ]);
    expect(await missing.json()).toMatchObject({ code: 'DOCUMENT_VERSION_NOT_FOUND', status: 404 });
    const secret = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${secretId}/changes`);
    expect([secret.status, secret.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);
  });

  it('answers an unknown version with DOCUMENT_VERSION_NOT_FOUND, and a confidential decision with nothing', async () => {
    for (const query of ['from=7&to=2', 'from=1&to=adopted', 'from=%3Cscript%3E']) {
      const reply = await call(system.baseUrl, 'GET', `/decisions/${id}/changes?${query}`);
      expect([query, reply.status, String(reply.body).includes('<code>DOCUMENT_VERSION_NOT_FOUND</code>')]).toEqual([
        query,
        404,
        true,
      ]);
      expect(String(reply.body)).not.toContain('<script>');
    }
    for (const lang of ['zh-CN', 'en']) {
      const reply = await call(system.baseUrl, 'GET', `/decisions/${secretId}/changes?lang=${lang}`);
      expect([reply.status, String(reply.body).includes('<code>DECISION_NOT_FOUND</code>')]).toEqual([404, true]);
      for (const secret of [SECRET_TITLE, '涉密草案全文']) expect(String(reply.body)).not.toContain(secret);
    }
  });
});
