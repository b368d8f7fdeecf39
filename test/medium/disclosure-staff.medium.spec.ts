import { createHash } from 'node:crypto';
import { FROZEN_CALENDAR, STANDARD_REMEDY_NOTICE } from '../../libs/domain/src';
import { collectPageErrors, seriousAxeViolations } from '../support/browser';
import { signIn, startConsoleHarness, STAFF_PASSWORD, type ConsoleHarness } from '../support/console';
import { todayInShanghai, workingDaysAgo } from '../support/disclosure';
import { eventually } from '../support/eventually';
import { call, login } from '../support/http';
import { ownText, punctuationFaults } from '../support/punctuation';

// The staff side of on-request disclosure over HTTP (issue 18, ADRs 102–103): a letter registered, corrected,
// paused for a third party, extended by the head, answered with a reply drafted by the handler and approved
// by another, issued as a PDF whose sha256 the case log records; the refusals on the way; and the console's
// list and case page in Chromium with axe. The case is dated back (a letter signed for ten working days
// ago) so that every step lands on a past working day, as staff recording a file would.

const calendar = FROZEN_CALENDAR;
const NAME = '张三丰';
const ID_NUMBER = '110101199001011234';

describe('disclosure requests: the staff side', () => {
  let harness: ConsoleHarness;
  let base: string;
  const tokens: Record<string, string> = {};
  let id: string;
  let receipt: string;

  const act = (user: string, command: string, body: Record<string, unknown> = {}, key?: string) =>
    call(base, 'POST', `/api/v1/disclosure-requests/${id}/${command}`, {
      token: tokens[user],
      json: body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  const ok = async (user: string, command: string, body: Record<string, unknown> = {}): Promise<any> => {
    const reply = await act(user, command, body);
    expect([command, reply.status]).toEqual([command, 200]);
    return reply.body;
  };
  const refused = async (
    user: string,
    command: string,
    body: Record<string, unknown>,
    status: number,
    code: string,
  ) => {
    const reply = await act(user, command, body);
    expect([command, reply.status, reply.body.code]).toEqual([command, status, code]);
    expect(reply.contentType).toContain('application/problem+json');
  };

  beforeAll(async () => {
    harness = await startConsoleHarness('disclosure-staff');
    base = harness.system.baseUrl;
    for (const user of ['drafter', 'reviewer', 'manager', 'drafter-b'])
      tokens[user] = await login(base, user, STAFF_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('registers a letter once per Idempotency-Key, on the day it was signed for (art.31)', async () => {
    const letter = {
      channel: 'registered_post',
      receivedOn: workingDaysAgo(10, calendar),
      applicantKind: 'natural_person',
      applicantName: NAME,
      idDocumentType: '居民身份证',
      idDocumentNumber: ID_NUMBER,
      contact: { phone: '13800000000', address: '某市某区某街道1号' },
      informationDescription: '2025年本区老旧小区改造项目的资金安排文件',
      deliveryForm: 'paper',
      deliveryWay: 'post',
    };
    const register = () =>
      call(base, 'POST', '/api/v1/disclosure-requests', {
        token: tokens['drafter'],
        json: letter,
        headers: { 'idempotency-key': 'letter-1' },
      });
    const first = await register();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ receivedDate: letter.receivedOn, stage: 'registration' });
    expect((await register()).body).toEqual(first.body);
    ({ requestId: id, receipt } = first.body);
    expect(receipt).toMatch(/^GK-/);
    expect(first.body).not.toHaveProperty('secret'); // the stored answer of the key holds no secret (ADR 123)
    const access = (await call(base, 'GET', `/api/v1/disclosure-requests/${id}`, { token: tokens['drafter'] })).body
      .applicantAccess;
    expect(access.receipt).toBe(receipt);
    const followed = await call(base, 'POST', '/api/v1/public/disclosure-requests/lookup', { json: access });
    expect([followed.status, followed.body.case.stage, followed.body.receipt]).toEqual([200, 'registration', receipt]);

    const missing = await call(base, 'POST', '/api/v1/disclosure-requests', {
      token: tokens['drafter'],
      json: { ...letter, informationDescription: ' ' },
    });
    expect([missing.status, missing.body.code]).toEqual([422, 'DISCLOSURE_FIELD_REQUIRED']);
    const list = await call(base, 'GET', '/api/v1/disclosure-requests', { token: tokens['drafter'] });
    expect(list.body.items).toEqual([expect.objectContaining({ requestId: id, receipt, stage: 'registration' })]);
    const other = await call(base, 'GET', `/api/v1/disclosure-requests/${id}`, { token: tokens['drafter-b'] });
    expect([other.status, other.body.code]).toEqual([404, 'DISCLOSURE_REQUEST_NOT_FOUND']);
  });

  it('corrects, pauses for a third party, extends by the head, and issues the reply another approved', async () => {
    await ok('drafter', 'request-correction', { periodWorkingDays: 15, date: workingDaysAgo(8, calendar) });
    await ok('drafter', 'receive-correction', { date: workingDaysAgo(6, calendar) });
    await ok('drafter', 'move-stage', { to: 'handling', date: workingDaysAgo(4, calendar) });
    const paused = await ok('drafter', 'start-consultation', {
      id: 'tp-1',
      kind: 'third_party',
      date: workingDaysAgo(3, calendar),
      deliveredDate: workingDaysAgo(3, calendar),
    });
    expect(paused.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['consultation']);
    const answered = await ok('drafter', 'answer-consultation', {
      id: 'tp-1',
      consent: false,
      date: workingDaysAgo(1, calendar),
    });
    const due = answered.deadlines.find((d: { kind: string }) => d.kind === 'reply').lastDay as string;

    const extension = { workingDays: 10, notifiedDate: todayInShanghai() };
    await refused('drafter', 'grant-extension', extension, 403, 'DISCLOSURE_EXTENSION_APPROVER');
    await refused(
      'manager',
      'grant-extension',
      { ...extension, workingDays: 21 },
      422,
      'DISCLOSURE_EXTENSION_TOO_LONG',
    );
    await refused('manager', 'grant-extension', { workingDays: '10' }, 422, 'VALIDATION_FAILED');
    const extended = await ok('manager', 'grant-extension', extension);
    expect(extended.deadlines.find((d: { kind: string }) => d.kind === 'reply').lastDay > due).toBe(true);

    const draft = { outcome: 'withheld_third_party', remedyNotice: STANDARD_REMEDY_NOTICE };
    await refused('drafter', 'draft-reply', draft, 422, 'DISCLOSURE_REASONS_REQUIRED');
    await refused(
      'drafter',
      'draft-reply',
      { ...draft, reasons: '第三方书面说明公开将损害其商业秘密。', remedyNotice: '' },
      422,
      'DISCLOSURE_REMEDY_NOTICE_REQUIRED',
    );
    await ok('drafter', 'draft-reply', { ...draft, reasons: '第三方书面说明公开将损害其商业秘密。' });
    await refused('drafter', 'review-reply', { approved: true }, 403, 'SELF_REVIEW');
    await refused('drafter', 'reply', {}, 409, 'DISCLOSURE_REPLY_NOT_APPROVED');
    await ok('reviewer', 'review-reply', { approved: true });

    const issued = await act('drafter', 'reply', {}, 'issue-1');
    expect(issued.status).toBe(200);
    const sha256 = issued.body.state.replyDocument.sha256 as string;
    expect(issued.body.state).toMatchObject({ stage: 'reply', closed: { outcome: 'withheld_third_party' } });
    expect((await act('drafter', 'reply', {}, 'issue-1')).body).toEqual(issued.body);

    const pdf = await fetch(`${base}/api/v1/disclosure-requests/${id}/reply-document.pdf`, {
      headers: { authorization: `Bearer ${tokens['drafter']}` },
    });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect([pdf.status, pdf.headers.get('content-type'), bytes.subarray(0, 4).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF',
    ]);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);

    const record = (await call(base, 'GET', `/api/v1/disclosure-requests/${id}`, { token: tokens['manager'] })).body;
    const replied = record.log.find((entry: { event: { type: string } }) => entry.event.type === 'Replied');
    expect(replied.event.document).toEqual({ sha256 });
    expect(record.log.map((entry: { event: { type: string } }) => entry.event.type)).toEqual([
      'RequestReceived',
      'CorrectionRequested',
      'CorrectionReceived',
      'StageMoved',
      'ConsultationStarted',
      'ConsultationAnswered',
      'ExtensionGranted',
      'ReplyDrafted',
      'ReplyReviewed',
      'Replied',
    ]);
    expect(JSON.stringify(record.log)).not.toMatch(new RegExp(`${NAME}|${ID_NUMBER}|13800000000`));

    const document = await call(base, 'GET', `/api/v1/disclosure-requests/${id}/reply-document.html`, {
      token: tokens['drafter'],
    });
    expect(document.body).toContain(receipt);
    expect(document.body).toContain('张＊＊');
    expect(document.body).not.toMatch(new RegExp(`${NAME}|${ID_NUMBER}|13800000000`));

    // Nothing of the applicant on a public surface, and the reply's stored PDF is no public attachment.
    const hidden = new RegExp(`${NAME}|${ID_NUMBER}|13800000000|某市某区某街道1号|${receipt}`);
    for (const path of ['/', '/decisions', '/api/v1/public/decisions?pageSize=100', '/feeds/decisions.atom']) {
      const reply = await call(base, 'GET', path);
      expect([path, hidden.test(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))]).toEqual([
        path,
        false,
      ]);
    }
    const download = await call(base, 'GET', `/decisions/${id}/attachments/${sha256}`);
    expect([download.status, download.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
  }, 60_000);

  it('shows the list and the case page to staff in both languages, accessible and punctuated', async () => {
    const { context, page } = await signIn(harness, 'manager');
    try {
      const errors = collectPageErrors(page);
      for (const lang of ['zh-CN', 'en'] as const) {
        await page.goto(`${base}/console/disclosure?lang=${lang}`);
        await page.locator(`a[href="/console/disclosure/${id}"]`).click();
        await page.waitForURL(new RegExp(`/console/disclosure/${id}$`));
        expect(await page.locator('h1').textContent()).toContain(receipt);
        expect(await page.locator('form[action$="/act/archive"]').count()).toBe(1);
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(punctuationFaults(await ownText(page), lang)).toEqual([]);
      }
      // A visit registered through the console's form, no JavaScript needed.
      await page.goto(`${base}/console/disclosure/new?lang=en`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(punctuationFaults(await ownText(page), 'en')).toEqual([]);
      const form = page.locator('main form[action="/console/disclosure"]');
      await form.locator('[name=channel]').selectOption('in_person');
      await form.locator('[name=receivedOn]').fill(todayInShanghai());
      await form.locator('[name=applicantKind]').selectOption('business');
      await form.locator('[name=applicantName]').fill('某某科技有限公司');
      await form.locator('[name=idDocumentType]').fill('营业执照');
      await form.locator('[name=idDocumentNumber]').fill('91110000000000000X');
      await form.locator('[name="contact.email"]').fill('office@example.cn');
      await form.locator('[name=informationDescription]').fill('某项目的环境影响评价批复');
      await form.locator('[name=deliveryForm]').selectOption('electronic');
      await form.locator('[name=deliveryWay]').selectOption('email');
      await Promise.all([page.waitForURL(/done=registered/), form.locator('button[type=submit]').click()]);
      expect(await page.locator('[role=status]').textContent()).toContain('Registered');
      // The applicant's receipt and lookup secret, on the case page for staff to hand over (ADR 123).
      expect(await page.locator('main').textContent()).toMatch(/Lookup secret[^]*[0-9A-Z]{4}-[0-9A-Z]{4}/);
      const registered = (await call(base, 'GET', '/api/v1/disclosure-requests', { token: tokens['manager'] })).body;
      expect(registered.items).toContainEqual(expect.objectContaining({ channel: 'in_person', stage: 'registration' }));
      await page.goto(`${base}/console/disclosure/${id}?lang=zh-CN`);
      await Promise.all([
        page.waitForURL(/done=archive/),
        page.locator('form[action$="/act/archive"] button[type=submit]').click(),
      ]);
      expect(await page.locator('[role=status]').textContent()).toContain('归档');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('still shows a case marked overdue after a calendar change moved its due date later', async () => {
    const late = await call(base, 'POST', '/api/v1/disclosure-requests', {
      token: tokens['drafter'],
      json: {
        channel: 'fax',
        receivedOn: workingDaysAgo(21, calendar),
        applicantKind: 'other',
        applicantName: '某某协会',
        idDocumentType: '登记证书',
        idDocumentNumber: '51110000000000000Y',
        contact: { email: 'office@example.org' },
        informationDescription: '某年度的专项资金分配结果',
        deliveryForm: 'electronic',
        deliveryWay: 'email',
      },
    });
    const lateId = late.body.requestId as string;
    const caseOf = () => call(base, 'GET', `/api/v1/disclosure-requests/${lateId}`, { token: tokens['manager'] });
    await eventually(async () => (await caseOf()).body.state?.overdue !== undefined, { what: 'the overdue step' });

    // An administrator records three past working days as holidays: the due date moves past the overdue day.
    const year = calendar.years.find((y) => y.year === 2026)!;
    const added = [1, 2, 3].map((n) => workingDaysAgo(n, calendar)).filter((d) => d.startsWith('2026-'));
    const admin = await login(base, 'admin', STAFF_PASSWORD);
    const change = await call(base, 'PUT', '/api/v1/admin/calendar/years/2026', {
      token: admin,
      json: {
        holidays: [...year.holidays, ...added],
        workdays: year.workdays,
        sourceReference: '测试：补录的临时假日',
        sourceDate: todayInShanghai(),
      },
    });
    expect(change.status).toBe(200);
    const shown = await caseOf();
    expect([shown.status, shown.body.overdue, shown.body.state.overdue]).toEqual([200, true, expect.any(Object)]);
    const list = await call(base, 'GET', '/api/v1/disclosure-requests', { token: tokens['manager'] });
    expect(list.body.items[0]).toMatchObject({ requestId: lateId, overdue: true });
  }, 60_000);
});
