import { createHash } from 'node:crypto';
import { addWorkingDates, STANDARD_REMEDY_NOTICE, type WorkingCalendar } from '../../libs/domain/src';
import { prepareDatabase, PASSWORD } from '../faults/support/consultation';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { todayInShanghai, weekendDaysSince, workingDaysAgo } from '../support/disclosure';
import {
  act,
  addMakeupDays,
  APPLICANT,
  deploymentCalendar,
  logTypes,
  registerLetter,
  staffCase,
  untilLogged,
} from '../support/disclosure-http';
import { call, login } from '../support/http';
import { startReplicas, type Replicas } from '../support/replicas';
import { uniqueTaskQueue } from '../support/temporal';

/**
 * Issue 18 end to end: the built gateway and worker as processes, over HTTP, with deadlines that fall
 * due while the test runs. The seam keeps production code as it ships: staff register letters on the
 * day they were signed for (in the past, as staff recording a file would), and an administrator then
 * enters two past weekend days as make-up working days (调休). Every clock is recomputed on the calendar
 * (ADR 67), so the lapse whose last day was still ahead is now behind, and each case's workflow records it
 * on its own timer. Case A is corrected once, paused for a third party (who stays silent: the pause
 * lapses during the test), extended by the head and answered with a standard reply; case B's correction
 * period lapses during the test and the case closes as abandoned.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`on-request disclosure over HTTP, deadlines falling due during the test (${kind})`, () => {
  let db: TestDatabase;
  let replicas: Replicas;
  let base: string;
  let calendar: WorkingCalendar;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('e2e-disclosure'),
      gateways: 1,
      workers: 1,
    });
    base = replicas.baseUrls[0]!;
    for (const name of ['admin', 'drafter', 'reviewer', 'manager']) tokens[name] = await login(base, name, PASSWORD);
    calendar = await deploymentCalendar(base);
  }, 120_000);

  afterAll(async () => {
    await replicas?.stop();
    await db?.drop();
  });

  it('corrects, pauses for a silent third party, extends and replies; abandons a lapsed correction', async () => {
    const today = todayInShanghai();
    const wd = (n: number) => workingDaysAgo(n, calendar);

    // Case A: received 20 working days ago, corrected once, in handling, a third party consulted. Each step
    // is dated back, with every period long enough that nothing lapses before the calendar change.
    const a = await registerLetter(base, tokens['drafter']!, wd(20), 'e2e-a');
    expect(a.receivedDate).toBe(wd(20));
    await act(base, tokens['drafter']!, a.requestId, 'request-correction', { periodWorkingDays: 20, date: wd(19) });
    await act(base, tokens['drafter']!, a.requestId, 'receive-correction', { date: wd(18) });
    await act(base, tokens['drafter']!, a.requestId, 'move-stage', { to: 'handling', date: wd(17) });
    const consulting = await act(base, tokens['drafter']!, a.requestId, 'start-consultation', {
      id: 'tp-1',
      kind: 'third_party',
      date: wd(14),
      deliveredDate: wd(14),
    });
    const consultationDay = consulting.deadlines.find((d: { kind: string }) => d.kind === 'consultation').lastDay;
    expect(consultationDay).toBe(addWorkingDates(wd(14), 15, calendar));
    expect(consultationDay > today).toBe(true);

    // Case B: a correction asked for 8 working days ago, with 9 working days to answer.
    const b = await registerLetter(base, tokens['drafter']!, wd(9), 'e2e-b');
    const asked = await act(base, tokens['drafter']!, b.requestId, 'request-correction', {
      periodWorkingDays: 9,
      date: wd(8),
    });
    const correctionDay = asked.deadlines.find((d: { kind: string }) => d.kind === 'correction_period').lastDay;
    expect(correctionDay > today).toBe(true);
    expect(logTypes(await staffCase(base, tokens['drafter']!, b.requestId))).not.toContain('Abandoned');

    // The applicants follow both by the receipt and secret staff handed them (ADR 123).
    const accessOf = async (id: string) =>
      (await call(base, 'GET', `/api/v1/disclosure-requests/${id}`, { token: tokens['drafter'] })).body
        .applicantAccess as { receipt: string; secret: string };
    const lookUp = async (id: string) =>
      (await call(base, 'POST', '/api/v1/public/disclosure-requests/lookup', { json: await accessOf(id) })).body;
    expect((await lookUp(b.requestId)).case).toMatchObject({
      correction: { requestedDate: wd(8), periodWorkingDays: 9 },
    });

    // Two past weekend days become make-up working days: both last days move to before today.
    const makeup = weekendDaysSince(wd(8), 2, calendar);
    expect(makeup).toHaveLength(2);
    const saved = await addMakeupDays(base, tokens['admin']!, calendar, makeup, 'e2e-makeup');
    expect(saved.map((reply) => reply.status)).toEqual(saved.map(() => 200));

    const lapsed = await untilLogged(base, tokens['drafter']!, a.requestId, 'ConsultationLapsed');
    expect(lapsed.log.find((e) => e.event.type === 'ConsultationLapsed')!.event).toMatchObject({ id: 'tp-1' });
    const abandoned = await untilLogged(base, tokens['drafter']!, b.requestId, 'Abandoned');
    expect(abandoned.state).toMatchObject({ stage: 'archive', closed: { outcome: 'correction_lapsed' } });
    expect(abandoned.log.find((e) => e.event.type === 'Abandoned')!.event).toMatchObject({
      outcome: 'correction_lapsed',
    });
    expect(abandoned.deadlines).toEqual([]);
    expect((await lookUp(b.requestId)).case.stage).toBe('archive');
    const pausedView = await lookUp(a.requestId);
    expect(pausedView.case.stage).toBe('handling');
    expect(pausedView.due.date).toBe(lapsed.deadlines.find((d) => d.kind === 'reply')!.lastDay);
    // Later steps on an abandoned case are refused, and record nothing.
    const late = await call(base, 'POST', `/api/v1/disclosure-requests/${b.requestId}/receive-correction`, {
      token: tokens['drafter'],
      json: {},
    });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);

    // Case A: the reply clock runs again; the head extends it, the handler drafts, another approves, it is issued.
    const resumed = lapsed.deadlines.find((d) => d.kind === 'reply')!.lastDay;
    expect(resumed > today).toBe(true);
    const extended = await act(base, tokens['manager']!, a.requestId, 'grant-extension', {
      workingDays: 10,
      notifiedDate: today,
    });
    expect(extended.deadlines.find((d: { kind: string }) => d.kind === 'reply').lastDay).toBe(
      addWorkingDates(resumed, 10, await deploymentCalendar(base)),
    );
    await act(base, tokens['drafter']!, a.requestId, 'draft-reply', {
      outcome: 'withheld_third_party',
      reasons: '第三方在征求意见期限内未答复，经审查公开将损害其商业秘密。',
      remedyNotice: STANDARD_REMEDY_NOTICE,
    });
    await act(base, tokens['reviewer']!, a.requestId, 'review-reply', { approved: true });
    const issued = await act(base, tokens['drafter']!, a.requestId, 'reply', {});
    expect(issued.state).toMatchObject({ stage: 'reply', closed: { outcome: 'withheld_third_party' } });

    const record = await staffCase(base, tokens['manager']!, a.requestId);
    expect(logTypes(record)).toEqual([
      'RequestReceived',
      'CorrectionRequested',
      'CorrectionReceived',
      'StageMoved',
      'ConsultationStarted',
      'ConsultationLapsed',
      'ExtensionGranted',
      'ReplyDrafted',
      'ReplyReviewed',
      'Replied',
    ]);
    const pdf = await fetch(`${base}/api/v1/disclosure-requests/${a.requestId}/reply-document.pdf`, {
      headers: { authorization: `Bearer ${tokens['drafter']}` },
    });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.state.replyDocument.sha256);
    expect(record.log.find((e) => e.event.type === 'Replied')!.event).toMatchObject({
      document: { sha256: issued.state.replyDocument.sha256 },
    });
    const answered = await lookUp(a.requestId);
    expect(answered.reply).toMatchObject({
      outcome: 'withheld_third_party',
      sha256: issued.state.replyDocument.sha256,
      document: { reasons: expect.stringContaining('商业秘密') },
    });
    const applicantPdf = await fetch(`${base}/api/v1/public/disclosure-requests/lookup/reply-document.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await accessOf(a.requestId)),
    });
    expect(Buffer.from(await applicantPdf.arrayBuffer()).equals(bytes)).toBe(true);
    expect(logTypes(await staffCase(base, tokens['drafter']!, b.requestId)).filter((t) => t === 'Abandoned')).toEqual([
      'Abandoned',
    ]);
    expect(JSON.stringify([record.log, abandoned.log])).not.toMatch(
      new RegExp(`${APPLICANT.name}|${APPLICANT.idNumber}|${APPLICANT.phone}`),
    );
  }, 180_000);
});
