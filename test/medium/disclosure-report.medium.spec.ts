import {
  deidentifyDocument,
  type TimelinessCase,
  type TimelinessStatistics,
  timelinessStatistics,
} from '../../libs/domain/src';
import { appendCaseLog, currentCalendar, registerDisclosureRequest } from '../../libs/persistence/src';
import { collectPageErrors, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { newId } from '../support/decisions';
import { eventually } from '../support/eventually';
import { call, login } from '../support/http';
import { ownText, punctuationFaults } from '../support/punctuation';
import { assertApplicantNotPublic } from './support/public-surfaces';

// The annual disclosure report over HTTP and in Chromium (issue 18 item 6, ADR 0119): a unit's 2025 report
// opened (its due date, 31 January 2026, long past: the workflow records it overdue), Table 2 and the words
// entered, submitted with Table 3 from the case logs, reviewed by another staff member, published to the
// public log; the console's list and report page and the public list and report page pass axe in both
// languages, and no applicant's name or contact reaches a public surface.

const NAME = '年报页面申请人';
const PHONE = '13722223333';
const EMAIL = 'report.applicant@example.com';

describe('the annual disclosure report: staff and public', () => {
  let harness: ConsoleHarness;
  let base: string;
  const tokens: Record<string, string> = {};
  let reportId: string;

  async function seedCase(received: string, closed?: string): Promise<void> {
    const requestId = newId();
    await registerDisclosureRequest(harness.app, {
      requestId,
      receipt: `R-${requestId}`,
      unit: 'unit-a',
      channel: 'in_person',
      receivedDate: received,
      application: {
        applicantKind: 'natural_person',
        applicantName: NAME,
        contact: { phone: PHONE, email: EMAIL },
        informationDescription: '某街道改造批复',
        deliveryForm: 'electronic',
        deliveryWay: 'email',
      },
      document: deidentifyDocument('resident_id', '11010519491231002X', 'medium-test-pepper-0123456789abcdef'),
      first: {
        seq: 1,
        occurredAt: `${received}T02:00:00.000Z`,
        actor: { accountId: 'acc-h', role: 'drafter' },
        event: { type: 'RequestReceived', date: received, channel: 'in_person', handlerId: 'acc-h' },
      },
    });
    if (closed)
      await appendCaseLog(
        harness.app,
        requestId,
        [
          // A case log the staff pages can fold: registration → review → handling → reply (art.45).
          {
            seq: 2,
            occurredAt: `${received}T03:00:00.000Z`,
            actor: { accountId: 'acc-h' },
            event: { type: 'StageMoved', date: received, to: 'review' },
          },
          {
            seq: 3,
            occurredAt: `${received}T04:00:00.000Z`,
            actor: { accountId: 'acc-h' },
            event: { type: 'StageMoved', date: received, to: 'handling' },
          },
          {
            seq: 4,
            occurredAt: `${closed}T02:00:00.000Z`,
            actor: { accountId: 'acc-h' },
            event: { type: 'Replied', date: closed, outcome: 'disclosed' },
          },
        ],
        { stage: 'reply', outcome: 'disclosed', closedDate: closed },
      );
  }

  const post = (user: string, path: string, json: unknown, key?: string) =>
    call(base, 'POST', path, { token: tokens[user], json, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

  beforeAll(async () => {
    harness = await startConsoleHarness('disclosure-report');
    base = harness.system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(base, user, STAFF_PASSWORD);
    await seedCase('2024-12-20', '2025-01-10');
    await seedCase('2025-03-02', '2025-03-30');
    await seedCase('2025-12-21');
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('opens, fills, submits, reviews with four eyes and publishes a report over the API', async () => {
    const bad = await post('drafter', '/api/v1/disclosure-reports', { year: 2099 });
    expect([bad.status, bad.body.code]).toEqual([422, 'DISCLOSURE_REPORT_YEAR_INVALID']);
    const opened = await post('drafter', '/api/v1/disclosure-reports', { year: 2025 }, 'open-2025');
    expect([opened.status, opened.body.dueDate, opened.body.status]).toEqual([201, '2026-01-31', 'draft']);
    reportId = opened.body.reportId;
    const again = await post('drafter', '/api/v1/disclosure-reports', { year: 2025 }, 'open-2025');
    expect(again.body).toEqual(opened.body);

    // The due date is long past: the report's workflow records it overdue, and the list shows it.
    await eventually(
      async () => {
        const view = await call(base, 'GET', `/api/v1/disclosure-reports/${reportId}`, { token: tokens['manager'] });
        return view.body.log?.some((step: { type: string }) => step.type === 'ReportOverdue');
      },
      { what: 'the overdue step of the report' },
    );
    const list = await call(base, 'GET', '/api/v1/disclosure-reports', { token: tokens['manager'] });
    expect(list.body.items).toContainEqual(expect.objectContaining({ reportId, overdue: true, status: 'draft' }));

    const step = (user: string, name: string, body: unknown = {}) =>
      post(user, `/api/v1/disclosure-reports/${reportId}/${name}`, body);
    const invalid = await step('drafter', 'edit', { table2: { rules_issued: -1 } });
    expect([invalid.status, invalid.body.code, invalid.body.field]).toEqual([
      422,
      'DISCLOSURE_REPORT_FIELD_INVALID',
      'rules_issued',
    ]);
    expect(
      (await step('drafter', 'edit', { table2: { rules_issued: 2 }, narrative: { overview: '本年度工作平稳。' } }))
        .status,
    ).toBe(200);
    const remedy = await post(
      'drafter',
      '/api/v1/disclosure-remedies',
      { kind: 'reconsideration', filedDate: '2025-05-01', result: 'upheld', decidedDate: '2025-07-01' },
      'remedy-1',
    );
    expect(remedy.status).toBe(201);
    expect(
      (
        await post(
          'drafter',
          '/api/v1/disclosure-remedies',
          { kind: 'reconsideration', filedDate: '2025-05-01', result: 'upheld', decidedDate: '2025-07-01' },
          'remedy-1',
        )
      ).body,
    ).toEqual(remedy.body);
    const submitted = await step('drafter', 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.tables.table3.new.total).toBe(2);
    expect(submitted.body.tables.table3.carried_over.total).toBe(1);
    expect(submitted.body.tables.table3.handled_total.total).toBe(2);
    expect(submitted.body.tables.table3.carried_forward.total).toBe(1);
    expect(submitted.body.tables.table4.reconsideration).toMatchObject({ upheld: 1, total: 1 });

    const early = await step('manager', 'publish');
    expect([early.status, early.body.code]).toEqual([409, 'DISCLOSURE_REPORT_STEP_REFUSED']);
    const byDrafter = await step('drafter', 'review', { approved: true });
    expect([byDrafter.status, byDrafter.body.code]).toEqual([409, 'DISCLOSURE_REPORT_STEP_REFUSED']);
    expect((await step('reviewer', 'review', { approved: true })).status).toBe(200);
    const published = await step('manager', 'publish');
    expect([published.status, published.body.report.status]).toEqual([200, 'published']);
    const sha256 = published.body.report.contentSha256 as string;

    const publicReport = await call(base, 'GET', `/api/v1/public/disclosure-reports/${reportId}`);
    expect(publicReport.status).toBe(200);
    expect(publicReport.body).toMatchObject({ reportId, year: 2025, sha256 });
    expect(publicReport.body.logEntry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(publicReport.body)).not.toMatch(/acc-|authorId|reviewerId/);
    const unknown = await call(base, 'GET', '/api/v1/public/disclosure-reports/AR-2024-unit-a');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DISCLOSURE_REPORT_NOT_FOUND']);
  }, 60_000);

  it('shows the console and the public report pages, accessible, in both languages; no applicant on them', async () => {
    const { context, page } = await signIn(harness, 'manager');
    try {
      const errors = collectPageErrors(page);
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.goto(`${base}/console/disclosure/reports?lang=${lang}`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
        await page.locator(`a[href="/console/disclosure/reports/${reportId}"]`).click();
        await page.waitForURL(new RegExp(`/console/disclosure/reports/${reportId}$`));
        expect(await page.locator('#table3 tr[data-row="new"] td[data-column="total"]').textContent()).toBe('2');
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
        for (const path of ['/disclosure/reports', `/disclosure/reports/${reportId}`]) {
          await page.goto(`${base}${path}?lang=${lang}`);
          expect(await seriousAxeViolations(page)).toEqual([]);
          expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
          const content = await page.content();
          expect([path, content.includes(NAME), content.includes(PHONE), content.includes(EMAIL)]).toEqual([
            path,
            false,
            false,
            false,
          ]);
        }
        expect(await page.locator('#table3 tr[data-row="carried_forward"] td[data-column="total"]').textContent()).toBe(
          '1',
        );
        expect(await page.locator('h1').textContent()).toContain('2025');
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    await assertApplicantNotPublic(base, [NAME, PHONE, EMAIL]);
  }, 90_000);

  it('tells staff on the disclosure list that a report is past its publication date', async () => {
    const opened = await post('drafter', '/api/v1/disclosure-reports', { year: 2024 });
    expect([opened.status, opened.body.dueDate]).toEqual([201, '2025-01-31']);
    const { context, page } = await signIn(harness, 'manager');
    try {
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.goto(`${base}/console/disclosure?lang=${lang}`);
        expect(await page.locator('#reports-overdue').textContent()).toContain('1');
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
        await page.goto(`${base}/console/disclosure/reports?lang=${lang}`);
        expect(await page.locator('tr.row--overdue').count()).toBe(1);
      }
    } finally {
      await context.close();
    }
  }, 60_000);

  it('publishes the timeliness statistics per unit and year, recomputable from the open-data rows', async () => {
    const data = await call(base, 'GET', '/api/v1/public/export/disclosure-timeliness.json');
    expect(data.status).toBe(200);
    const { statistics, cases } = data.body as { statistics: TimelinessStatistics[]; cases: TimelinessCase[] };
    const calendar = await currentCalendar(harness.app, new Date());
    expect(timelinessStatistics(cases, calendar)).toEqual(statistics);
    // The seeded cases of unit-a: 2024-12-20 → replied 2025-01-10, 2025-03-02 → replied 2025-03-30, 2025-12-21 open.
    const unitA2025 = statistics.find((row) => row.unit === 'unit-a' && row.year === 2025);
    expect(unitA2025).toMatchObject({ received: 2, replied: 2, outcomes: expect.objectContaining({ disclosed: 2 }) });
    expect(Object.keys(cases[0]!).sort()).toEqual([
      'closedBy',
      'closedDate',
      'dueDate',
      'outcome',
      'receivedDate',
      'unit',
    ]);
    const api = await call(base, 'GET', '/api/v1/public/disclosure-statistics');
    expect(api.body.items).toEqual(statistics);
    const { context, page } = await signIn(harness, 'manager');
    try {
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.goto(`${base}/disclosure/statistics?lang=${lang}`);
        expect(await page.locator('#timeliness tbody tr').count()).toBe(statistics.length);
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }, 60_000);
});
