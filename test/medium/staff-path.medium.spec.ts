import type { BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, screenshot, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, type ConsoleHarness } from '../support/console';
import { eventually } from '../support/eventually';
import { call } from '../support/http';

/** `YYYY-MM-DDTHH:mm:ss` in China Standard Time, what a `datetime-local` field of the console takes. */
const beijing = (msFromNow: number): string =>
  new Date(Date.now() + msFromNow + 8 * 3600_000).toISOString().slice(0, 19);
const DAY = 86_400_000;
const FORM_LETTER =
  '我坚决反对将城区停车收费标准提高一倍的方案，这会显著增加居民的出行负担，建议维持现行标准并增加公共停车位供给。';
const LONG_REASON = '停车收费标准由价格主管部门按照停车设施建设和运营成本统一核定，本次调整已经成本监审。';
const SCRIPT_OPINION = '<script>window.__pwned = 1</script><b>加粗</b> 建议公交优先';

interface Staff {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Opens an action's disclosure, fills it, sends it; returns the status of the POST (303 done, 4xx refused). */
async function act(
  staff: Staff,
  action: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {},
): Promise<number> {
  const details = staff.page.locator(`#act-${action}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await fill(details.locator('form'));
  const [response] = await Promise.all([
    staff.page.waitForResponse((r) => r.request().method() === 'POST'),
    details.locator('form button[type=submit]:not([name="_addRow"])').click(),
  ]);
  await staff.page.waitForLoadState();
  return response.status();
}

describe('the staff path in a real browser: register → consultation → answers → feedback → decision → execution', () => {
  let h: ConsoleHarness;
  const staff: Record<string, Staff> = {};
  let id: string;
  const workspace = (): string => `${h.system.baseUrl}/console/decisions/${id}`;
  const open = async (who: string, path = ''): Promise<Page> => {
    await staff[who]!.page.goto(`${workspace()}${path}`);
    return staff[who]!.page;
  };
  const stageOf = async (): Promise<string> =>
    (await call(h.system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage as string;
  const waitForStage = async (stage: string, timeoutMs: number): Promise<void> => {
    await eventually(async () => (await stageOf()) === stage, {
      timeoutMs,
      intervalMs: 300,
      what: `decision reaches ${stage}`,
    });
  };

  beforeAll(async () => {
    h = await startConsoleHarness('staff-path');
    for (const who of ['drafter', 'reviewer', 'manager']) {
      const signedIn = await signIn(h, who);
      staff[who] = { ...signedIn, errors: collectPageErrors(signedIn.page) };
    }
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('registers a decision from the board and saves two draft versions', async () => {
    const page = staff['drafter']!.page;
    await page.goto(`${h.system.baseUrl}/console`);
    await page.getByRole('link', { name: '登记新的决策事项' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.locator('#f-register-unit').inputValue()).toBe('unit-a');
    await page.locator('#f-register-title').fill('关于调整城区停车收费标准的决定');
    await page.locator('#f-register-summary').fill('拟将城区路内停车收费标准上调。');
    await page.locator('#f-register-category').selectOption({ label: '经济发展' });
    await Promise.all([
      page.waitForURL(/\/console\/decisions\/[0-9a-z]{16}\?done=register/),
      page.getByRole('button', { name: '登记决策事项' }).click(),
    ]);
    id = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByRole('status').textContent()).resolves.toContain('登记决策事项');
    const draft = async (text: string) =>
      act(staff['drafter']!, 'draft-versions', async (form) => {
        await form.locator('[name=draft]').fill(text);
        await form.locator('[name=basis]').fill('《价格法》第二十三条');
        await form.locator('[name=explanation]').fill('停车设施运营成本上升。');
      });
    expect(await draft('第一条 城区路内停车每小时4元。')).toBe(303);
    expect(await draft('第一条 城区路内停车每小时5元。')).toBe(303);
    await expect(page.locator('#facts-h + dl').textContent()).resolves.toContain('草案（第 2 版）');
    expect(await page.locator('#act-draft-versions [name=draft]').inputValue()).toBe('第一条 城区路内停车每小时5元。');
  });

  it('refuses a consultation shorter than 30 days without a reason, explaining the rule and keeping what was typed', async () => {
    const opensAt = beijing(0);
    const status = await act(staff['drafter']!, 'consultation-plan', async (form) => {
      await form.getByLabel('网上征求意见').check();
      await form.locator('[name=opensAt]').fill(opensAt);
      await form.locator('[name=closesAt]').fill(beijing(10 * DAY));
    });
    expect(status).toBe(422);
    const page = staff['drafter']!.page;
    await expect(page.locator('#refusal-consultation-plan').textContent()).resolves.toContain('征求意见期不得少于30日');
    await expect(page.locator('#refusal-consultation-plan').textContent()).resolves.toContain('CONSULTATION_TOO_SHORT');
    // A datetime-local input drops zero seconds from its value (…T15:54, not …T15:54:00).
    const withSeconds = (value: string): string => (value.length === 16 ? `${value}:00` : value);
    expect(withSeconds(await page.locator('#act-consultation-plan [name=opensAt]').inputValue())).toBe(opensAt);
    expect(await page.getByLabel('网上征求意见').isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-refused-plan');
    // The language switch of a re-rendered form leads back to its page, not to the POST address.
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/decisions/${id}`);
    expect(await page.locator('#actions-h').textContent()).toBe('Actions you can take');
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.locator('#actions-h').textContent()).toBe('可办理的操作');
  });

  it('plans a shortened consultation, a manager approves the reason, a second account approves the publication (four-eyes)', async () => {
    expect(
      await act(staff['drafter']!, 'consultation-plan', async (form) => {
        await form.getByLabel('网上征求意见').check();
        await form.getByLabel('座谈会').check();
        await form.locator('[name=opensAt]').fill(beijing(-60_000));
        await form.locator('[name=closesAt]').fill(beijing(50_000));
        await form.locator('[name=shortenedReason]').fill('配合年度价格调整窗口，经研究缩短征求意见期。');
      }),
    ).toBe(303);
    // The drafter has no approve form: approving is a reviewer's or manager's, never the author's.
    expect(await staff['drafter']!.page.locator('#act-approve').count()).toBe(0);
    await open('manager');
    expect(await act(staff['manager']!, 'shortened-consultation-approval')).toBe(303);
    await open('drafter');
    expect(await act(staff['drafter']!, 'submit-for-publication')).toBe(303);
    const reviewer = await open('reviewer');
    await expect(reviewer.locator('#facts-h ~ ul').textContent()).resolves.toContain('草案预公开');
    expect(
      await act(staff['reviewer']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(303);
    await waitForStage('consultation', 15_000);
  });

  it('notices a hearing (refusing one less than 7 days ahead), records a symposium, and receives opinions', async () => {
    await open('drafter');
    const hearing = (days: number) =>
      act(staff['drafter']!, 'hearings', async (form) => {
        await form.locator('[name=date]').fill(beijing(days * DAY));
        await form.locator('[name=place]').fill('市政府第一会议室');
        await form.locator('[name=selectionMethod]').fill('自愿报名，随机抽取');
        await form.locator('[name=participants]').fill('居民代表\n停车企业代表');
      });
    expect(await hearing(3)).toBe(422);
    await expect(staff['drafter']!.page.locator('#refusal-hearings').textContent()).resolves.toContain(
      '至少在听证会7日前',
    );
    expect(await hearing(8)).toBe(303);
    expect(
      await act(staff['drafter']!, 'channel-records', async (form) => {
        await form.locator('[name=channel]').selectOption('symposium');
        await form.locator('[name=date]').fill(beijing(-3_600_000));
        await form.locator('[name=participantsCount]').fill('12');
        await form.locator('[name=minutes]').fill('座谈会纪要：与会代表就收费标准发表意见。');
        await form.locator('[name=opinions]').fill('建议分时段收费。\n建议对新能源车优惠。');
      }),
    ).toBe(303);
    const post = (text: string) =>
      call(h.system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, { json: { text } });
    for (let i = 0; i < 12; i += 1) expect((await post(`${FORM_LETTER}${i % 2 ? '谢谢！' : ''}`)).status).toBe(201);
    expect((await post(SCRIPT_OPINION)).status).toBe(201);
  });

  it('seals the consultation at its closing time; the opinions are clustered', async () => {
    await waitForStage('feedback', 120_000);
    // undefined, not null, until stamped: eventually() takes null as done.
    const clusteredAt = async (): Promise<string | undefined> =>
      (
        (await h.app.query(`SELECT clustered_at AS at FROM consultations WHERE decision_id = '${id}'`)) as Array<{
          at: string | null;
        }>
      )[0]?.at ?? undefined;
    // The real clustering activity (its retries start at 5 s; a loaded machine runs it late). Never seeded
    // here: a seed raced the activity's own writes (duplicate cluster keys on PostgreSQL).
    await eventually(clusteredAt, { timeoutMs: 120_000, intervalMs: 250, what: 'clustering by the activity' });
  }, 270_000);

  it('shows raw opinions as text, relabels, merges and splits clusters, creates a template and answers clusters in bulk', async () => {
    const page = await open('drafter', '/opinions');
    expect(await page.locator('.opinion', { hasText: '<script>window.__pwned = 1</script>' }).count()).toBeGreaterThan(
      0,
    );
    expect(await page.locator('main script, main b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.locator('#t-title').fill('成本核定');
    await page.locator('#t-verdict').selectOption('not_adopted');
    await page.locator('#t-text').fill('经研究，暂不采纳。');
    await Promise.all([page.waitForURL(/done=template/), page.getByRole('button', { name: '保存模板' }).click()]);
    // Cluster edits: correct the concentrated cluster's stance (its label stays unconfirmed: ADR 77), merge
    // the small ones and split one opinion out again, each under a label staff give (so confirmed).
    const rows = page.locator('#clusters-h ~ .table-wrap tbody tr');
    const badge = page.locator('.badge', { hasText: '相对集中' });
    const unconfirmed = page.locator('.badge', { hasText: '名称待确认' });
    expect(await rows.filter({ has: unconfirmed }).count()).toBeGreaterThanOrEqual(3);
    const concentratedId = (await rows.filter({ has: badge }).locator('input[type=checkbox]').getAttribute('value'))!;
    await page.locator('#r-cluster').selectOption(concentratedId);
    await page.locator('#r-stance').selectOption('oppose');
    await Promise.all([page.waitForURL(/done=relabel/), page.getByRole('button', { name: '修改名称' }).click()]);
    await expect(rows.filter({ has: badge }).textContent()).resolves.toContain('立场：反对');
    expect(await rows.filter({ has: badge }).filter({ has: unconfirmed }).count()).toBe(1);
    const small = rows.filter({ hasNot: badge }).locator('input[type=checkbox]');
    expect(await small.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await small.count()); i += 1) await small.nth(i).check();
    await page.locator('#m-label').fill('收费方式建议');
    await Promise.all([page.waitForURL(/done=merge/), page.getByRole('button', { name: '合并所选意见类' }).click()]);
    expect(await rows.filter({ hasNot: badge }).count()).toBe(1);
    await rows.filter({ hasText: '收费方式建议' }).locator('a').click();
    expect(await page.locator('#raw-h ~ .table-wrap tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page
      .locator('#raw-h ~ .table-wrap tbody tr', { hasText: '新能源车' })
      .locator('input[type=checkbox]')
      .check();
    await page.locator('#s-label').fill('新能源车优惠');
    await Promise.all([
      page.waitForURL(/done=split/),
      page.getByRole('button', { name: '把勾选的意见移到新的意见类' }).click(),
    ]);
    await expect(rows.filter({ hasNot: badge }).allTextContents()).resolves.toEqual([
      expect.stringContaining('收费方式建议'),
      expect.stringContaining('新能源车优惠'),
    ]);
    expect(await rows.filter({ hasNot: badge }).filter({ has: unconfirmed }).count()).toBe(0);
    // The concentrated cluster, not adopted with a reason too short for the report.
    const concentrated = page.locator('tr', { has: page.locator('.badge', { hasText: '相对集中' }) });
    expect(await concentrated.count()).toBe(1);
    await concentrated.locator('input[type=checkbox]').check();
    await page.locator('#a-template').selectOption({ label: '成本核定 (不予采纳)' });
    await page.locator('#a-reason').fill('成本原因');
    await Promise.all([
      page.waitForURL(/done=answers&count=1/),
      page.getByRole('button', { name: '答复所选各项' }).click(),
    ]);
    await expect(page.getByRole('status').textContent()).resolves.toContain('已答复 1 项');
    // Every other cluster in one go, with a verdict and text of their own.
    const others = page
      .locator('#clusters-h ~ .table-wrap tbody tr', { hasNot: page.locator('.badge', { hasText: '相对集中' }) })
      .locator('input[type=checkbox]');
    const count = await others.count();
    for (let i = 0; i < count; i += 1) await others.nth(i).check();
    await page.locator('#a-verdict').selectOption('adopted');
    await page.locator('#a-text').fill('已在修改稿中吸收。');
    await Promise.all([
      page.waitForURL(new RegExp(`count=${count}`)),
      page.getByRole('button', { name: '答复所选各项' }).click(),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-opinions');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'console-opinions');
  });

  it('refuses the feedback report while a label is unconfirmed, then while a concentrated cluster lacks a 20-character reason, then submits and publishes it', async () => {
    await open('drafter');
    const report = () =>
      act(staff['drafter']!, 'feedback-report', async (form) => {
        await form.locator('[name=summary]').fill('共收到意见15条，均已答复。');
        await form.locator('[name=draftChanges]').fill('第一条收费标准改为分时段。');
      });
    expect(await report()).toBe(409);
    await expect(staff['drafter']!.page.locator('#refusal-feedback-report').textContent()).resolves.toContain(
      '名称未经确认',
    );
    // The concentrated cluster's label, edited and confirmed in its own row (ADR 77).
    let page = await open('drafter', '/opinions');
    const concentratedRow = page.locator('#clusters-h ~ .table-wrap tbody tr', {
      has: page.locator('.badge', { hasText: '相对集中' }),
    });
    await expect(page.locator('#clusters-h ~ .notice--warn').textContent()).resolves.toContain('全部确认后');
    await concentratedRow.getByRole('textbox').fill('反对停车收费翻倍');
    await Promise.all([
      page.waitForURL(/done=confirm/),
      concentratedRow.getByRole('button', { name: '确认名称' }).click(),
    ]);
    await expect(concentratedRow.textContent()).resolves.toContain('反对停车收费翻倍');
    expect(await page.locator('.badge', { hasText: '名称待确认' }).count()).toBe(0);
    await open('drafter');
    expect(await report()).toBe(409);
    await expect(staff['drafter']!.page.locator('#refusal-feedback-report').textContent()).resolves.toContain(
      '理由不少于20个字',
    );
    page = await open('drafter', '/opinions');
    await page
      .locator('tr', { has: page.locator('.badge', { hasText: '相对集中' }) })
      .locator('input[type=checkbox]')
      .check();
    await page.locator('#a-template').selectOption({ label: '成本核定 (不予采纳)' });
    await page.locator('#a-reason').fill(LONG_REASON);
    await Promise.all([page.waitForURL(/done=answers/), page.getByRole('button', { name: '答复所选各项' }).click()]);
    await open('drafter');
    expect(await report()).toBe(303);
    await open('reviewer');
    expect(
      await act(staff['reviewer']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(303);
    await waitForStage('deciding', 10_000);
    expect((await call(h.system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/feedback`)).status).toBe(200);
  });

  it('refuses a collective decision before the legality review, then reviews, decides and publishes with interpretation', async () => {
    await open('drafter');
    expect(await act(staff['drafter']!, 'legality-review-request')).toBe(303);
    await open('manager');
    const decide = () =>
      act(staff['manager']!, 'collective-decision', async (form) => {
        await form.locator('[name=meeting]').fill('市政府第12次常务会议');
        await form.locator('[name=date]').fill(beijing(0));
        await form.locator('[name=outcome]').selectOption('adopted');
      });
    expect(await decide()).toBe(409);
    await expect(staff['manager']!.page.locator('#refusal-collective-decision').textContent()).resolves.toContain(
      '未经合法性审查或者经审查不合法的，不得提交集体讨论',
    );
    await open('reviewer');
    expect(
      await act(staff['reviewer']!, 'legality-review', async (form) => {
        await form.locator('[name=opinion]').selectOption('lawful');
        await form.locator('[name=text]').fill('经审查，草案合法。');
      }),
    ).toBe(303);
    await open('manager');
    expect(await decide()).toBe(303);
    await open('drafter');
    expect(
      await act(staff['drafter']!, 'publish-decision', async (form) => {
        await form.locator('[name=text]').fill('城区路内停车实行分时段收费。');
        await form.locator('[name="interpretation.plainLanguage"]').fill('白天高峰时段收费提高，夜间降低。');
        await form.locator('[name="interpretation.qa"]').fill('夜间是否收费？ | 夜间每小时1元。');
        await form.locator('[name=adoptionExplanation]').fill('采纳了分时段收费的意见。');
        await form.locator('[name="milestones[0][title]"]').fill('完成收费系统改造');
        await form.locator('[name="milestones[0][unit]"]').selectOption('unit-a');
        await form.locator('[name="milestones[0][dueAt]"]').fill(beijing(200 * DAY).slice(0, 10));
        await form.locator('[name="milestones[0][weight]"]').fill('2');
        await form.locator('[name=evaluationDueAt]').fill(beijing(700 * DAY));
      }),
    ).toBe(303);
    await open('reviewer');
    expect(
      await act(staff['reviewer']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(303);
    await waitForStage('execution', 10_000);
  });

  it('plans a milestone and reports progress, which a reviewer publishes', async () => {
    await open('drafter');
    expect(
      await act(staff['drafter']!, 'milestones', async (form) => {
        await form.locator('[name="milestones[0][title]"]').fill('宣传解读');
        await form.locator('[name="milestones[0][unit]"]').selectOption('unit-a');
        await form.locator('[name="milestones[0][dueAt]"]').fill(beijing(100 * DAY).slice(0, 10));
        await form.locator('[name="milestones[0][weight]"]').fill('1');
      }),
    ).toBe(303);
    expect(
      await act(staff['drafter']!, 'progress-reports', async (form) => {
        await form.locator('[name=milestoneId]').selectOption({ index: 1 });
        await form.locator('[name=percent]').fill('50');
        await form.locator('[name=narrative]').fill('收费系统改造完成一半。');
      }),
    ).toBe(303);
    const page = await open('reviewer');
    expect(
      await act(staff['reviewer']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(303);
    await expect(page.locator('#facts-h + dl').textContent()).resolves.toContain('50%');
    const timeline = (await call(h.system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline).toEqual(
      expect.arrayContaining([
        'DraftPublished',
        'HearingNoticed',
        'ChannelRecorded',
        'ConsultationClosed',
        'FeedbackPublished',
        'DecisionAdopted',
        'DecisionPublished',
        'MilestonePlanned',
        'ProgressReported',
      ]),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-workspace');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'console-workspace');
  });

  it('shows the decision on the managers’ board, by stage and unit', async () => {
    const page = staff['manager']!.page;
    await page.goto(`${h.system.baseUrl}/console`);
    await expect(page.locator('#matrix-h + .table-wrap').textContent()).resolves.toMatch(/执行/);
    await expect(page.locator('#due-h + .table-wrap').textContent()).resolves.toContain('执行里程碑');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'console-board');
    // Refused forms answer 4xx, which Chromium logs; anything else (a CSP violation, a script error) fails.
    for (const s of Object.values(staff)) expect(s.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('hides the decision from a drafter of another unit, as the API does', async () => {
    const { context, page } = await signIn(h, 'drafter-b');
    const response = await page.goto(workspace());
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('没有找到这项决策');
    expect((await page.goto(`${workspace()}/opinions`))?.status()).toBe(404);
    await context.close();
  });

  it('works in English: a manager signs in and publishes an audit finding', async () => {
    const { context, page } = await signIn(h, 'manager', { locale: 'en' });
    expect(await page.locator('h1').textContent()).toBe('Decisions board');
    await page.goto(workspace());
    expect(await page.locator('#actions-h').textContent()).toBe('Actions you can take');
    const status = await act({ context, page, errors: [] }, 'audit-findings', async (form) => {
      await form.getByLabel('Finding').fill('收费公示牌未更新。');
      await form.getByLabel('Severity').selectOption('low');
      await form.getByLabel('Rectification due').fill(beijing(30 * DAY));
    });
    expect(status).toBe(303);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Done: Publish an audit finding.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-workspace-en');
    await context.close();
  });

  it('refuses the drafting unit as evaluator and a manager approving their own evaluation report (four-eyes)', async () => {
    const page = await open('manager');
    const evaluate = (unit: string) =>
      act(staff['manager']!, 'evaluation', (form) => form.locator('[name=evaluatorUnit]').fill(unit));
    expect(await evaluate('unit-a')).toBe(403);
    await expect(page.locator('#refusal-evaluation').textContent()).resolves.toContain(
      '决策后评估不得由决策起草单位承担',
    );
    expect(await evaluate('unit-b')).toBe(303);
    await waitForStage('evaluation', 10_000);
    expect(
      await act(staff['manager']!, 'evaluation-report', async (form) => {
        await form.locator('[name=conclusion]').selectOption('continue');
        await form.locator('[name=report]').fill('执行情况良好，继续执行。');
      }),
    ).toBe(303);
    expect(
      await act(staff['manager']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(403);
    await expect(page.locator('#refusal-approve').textContent()).resolves.toContain(
      '提交人不能审查自己的提交（四眼原则）',
    );
    await open('reviewer');
    expect(
      await act(staff['reviewer']!, 'approve', (form) =>
        form
          .locator('[name=reviewId]')
          .selectOption({ index: 1 })
          .then(() => undefined),
      ),
    ).toBe(303);
    await waitForStage('execution', 10_000);
  });
});
