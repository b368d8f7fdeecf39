import type { Role } from '../accounts/actors';
import { FROZEN_CALENDAR } from '../calendar/working-calendar';
import { correctionNoticeDeadline, replyClock } from './case-clock';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { CALENDAR_2026_OFFICIAL_2027, CALENDAR_2026_PROVISIONAL_2027 } from './calendars.spec-support';

const calendar = CALENDAR_2026_OFFICIAL_2027;
const settings = { pauseWhileAwaitingPayment: true };
const head: { accountId: string; role: Role } = { accountId: 'head-1', role: 'manager' };
/** Received in person on Wednesday 23 September 2026, before the Mid-Autumn and National Day holidays. */
const received: CaseEvent = { type: 'RequestReceived', date: '2026-09-23', channel: 'in_person', handlerId: 'h-1' };
const toHandling: CaseEvent[] = [
  { type: 'StageMoved', date: '2026-09-24', to: 'review' },
  { type: 'StageMoved', date: '2026-09-24', to: 'handling' },
];
const code = (value: string) => expect.objectContaining({ code: value }) as Error;
const dueOf = (events: CaseEvent[], cal = calendar, s = settings) => replyClock(foldCase(events, cal, s), cal, s);

describe('the reply clock of a request across National Day 2026', () => {
  it('is due 20 working days after receipt, skipping the holidays and counting Saturday 10 October', () => {
    // 24, 28–30 Sep; 8, 9, 10 (make-up), 12–16, 19–23, 26–28 Oct.
    expect(dueOf([received])).toMatchObject({ status: 'running', dueDate: '2026-10-28', pausedWorkingDays: 0 });
  });

  it('allows the one correction notice up to the make-up Saturday, the 7th working day, and not after', () => {
    const state = foldCase([received], calendar);
    expect(correctionNoticeDeadline(state, calendar)).toBe('2026-10-10');
    const late: CaseEvent = { type: 'CorrectionRequested', date: '2026-10-12', periodWorkingDays: 10 };
    expect(() => foldCase([received, late], calendar)).toThrow(code('DISCLOSURE_CORRECTION_TOO_LATE'));
    const asked: CaseEvent = { type: 'CorrectionRequested', date: '2026-10-09', periodWorkingDays: 10 };
    expect(() => foldCase([received, asked, asked], calendar)).toThrow(code('DISCLOSURE_CORRECTION_ONCE'));
    // 10 (make-up), 12–16, 19–22 October.
    expect(dueOf([received, asked])).toEqual({ status: 'awaiting_correction', correctionDueDate: '2026-10-22' });
  });

  it('restarts on the corrected request, pauses for a third party, and takes one extension from the office head', () => {
    const events: CaseEvent[] = [
      received,
      { type: 'CorrectionRequested', date: '2026-09-24', periodWorkingDays: 10 },
      { type: 'CorrectionReceived', date: '2026-10-15' },
      { type: 'StageMoved', date: '2026-10-15', to: 'handling' },
    ];
    expect(dueOf(events)).toMatchObject({ dueDate: '2026-11-12' });
    events.push({
      type: 'ConsultationStarted',
      date: '2026-10-20',
      id: 't1',
      kind: 'third_party',
      deliveredDate: '2026-10-21',
    });
    expect(dueOf(events)).toEqual({ status: 'paused', reasons: ['consultation'] });
    events.push({ type: 'ConsultationAnswered', date: '2026-10-27', id: 't1', consent: false });
    // Paused 21, 22, 23, 26, 27 October: five working days later.
    expect(dueOf(events)).toMatchObject({ dueDate: '2026-11-19', pausedWorkingDays: 5 });
    const extension = (by: typeof head, workingDays = 20): CaseEvent => ({
      type: 'ExtensionGranted',
      date: '2026-11-16',
      workingDays,
      approvedBy: by,
      notifiedDate: '2026-11-16',
    });
    expect(() => foldCase([...events, extension({ accountId: 'h-1', role: 'manager' })], calendar)).toThrow(
      code('DISCLOSURE_EXTENSION_APPROVER'),
    );
    expect(() => foldCase([...events, extension({ accountId: 'd-2', role: 'drafter' })], calendar)).toThrow(
      code('DISCLOSURE_EXTENSION_APPROVER'),
    );
    expect(() => foldCase([...events, extension(head, 21)], calendar)).toThrow(code('DISCLOSURE_EXTENSION_TOO_LONG'));
    expect(() => foldCase([...events, extension(head), extension(head)], calendar)).toThrow(
      code('DISCLOSURE_EXTENSION_ONCE'),
    );
    events.push(extension(head));
    expect(dueOf(events)).toMatchObject({ dueDate: '2026-12-17', periodWorkingDays: 40 });
    events.push({ type: 'Replied', date: '2026-12-10', outcome: 'partly_disclosed' });
    const state = foldCase(events, calendar);
    expect(state).toMatchObject({ stage: 'reply', closed: { outcome: 'partly_disclosed' } });
    expect(() => foldCase([...events, { type: 'FeePaid', date: '2026-12-11' }], calendar)).toThrow(
      code('DISCLOSURE_CASE_CLOSED'),
    );
  });

  it('closes the case as abandoned only after the correction period lapses', () => {
    const asked: CaseEvent = { type: 'CorrectionRequested', date: '2026-09-24', periodWorkingDays: 5 };
    // 28, 29, 30 Sep, 8, 9 Oct.
    const early: CaseEvent = { type: 'Abandoned', date: '2026-10-09', outcome: 'correction_lapsed' };
    expect(() => foldCase([received, asked, early], calendar)).toThrow(code('DISCLOSURE_PERIOD_NOT_LAPSED'));
    const state = foldCase([received, asked, { ...early, date: '2026-10-10' }], calendar);
    expect(state).toMatchObject({ stage: 'archive', closed: { outcome: 'correction_lapsed' } });
  });

  it('abandons an unpaid fee after 20 working days, and pauses for payment only when the setting says so', () => {
    const noticed: CaseEvent = { type: 'FeeNoticed', date: '2026-09-28', amountYuan: 4700 };
    const unpaid = (date: string): CaseEvent => ({ type: 'Abandoned', date, outcome: 'fee_unpaid' });
    expect(() => foldCase([received, ...toHandling, noticed, unpaid('2026-10-30')], calendar)).toThrow(
      code('DISCLOSURE_PERIOD_NOT_LAPSED'),
    );
    expect(foldCase([received, ...toHandling, noticed, unpaid('2026-11-02')], calendar).closed).toEqual({
      date: '2026-11-02',
      outcome: 'fee_unpaid',
    });
    const paid: CaseEvent[] = [received, ...toHandling, noticed, { type: 'FeePaid', date: '2026-10-09' }];
    // Paused 29, 30 Sep, 8, 9 Oct: four working days.
    expect(dueOf(paid)).toMatchObject({ dueDate: '2026-11-03', pausedWorkingDays: 4 });
    expect(dueOf(paid, calendar, { pauseWhileAwaitingPayment: false })).toMatchObject({ dueDate: '2026-10-28' });
  });

  it('takes a custom period for an excessive request only with a reason', () => {
    const custom = (reason: string, workingDays = 60): CaseEvent => ({
      type: 'CustomPeriodSet',
      date: '2026-09-25',
      workingDays,
      reason,
    });
    expect(() => foldCase([received, custom('太多')], calendar)).toThrow(
      code('DISCLOSURE_CUSTOM_PERIOD_REASON_REQUIRED'),
    );
    const reason = '申请涉及2015年以来全部审批档案，共约三千卷，需逐卷检索。';
    expect(() => foldCase([received, custom(reason, 15)], calendar)).toThrow(code('DISCLOSURE_CUSTOM_PERIOD_INVALID'));
    expect(dueOf([received, custom(reason)])).toMatchObject({ periodWorkingDays: 60 });
  });
});

describe('the reply clock across the Spring Festival 2027', () => {
  const january: CaseEvent = { type: 'RequestReceived', date: '2027-01-18', channel: 'online', handlerId: 'h-1' };

  it('moves the due date when the official arrangement replaces the provisional year', () => {
    expect(dueOf([january], CALENDAR_2026_PROVISIONAL_2027)).toMatchObject({ dueDate: '2027-02-17' });
    // Sunday 31 January and Saturday 20 February are worked; 5–12 February rest.
    expect(dueOf([january], CALENDAR_2026_OFFICIAL_2027)).toMatchObject({ dueDate: '2027-02-20' });
    expect(dueOf([january], FROZEN_CALENDAR)).toMatchObject({ status: 'running' });
  });

  it('counts a silent co-producer as consenting when its 15 working days end, and moves the due date by the pause', () => {
    const started: CaseEvent = {
      type: 'ConsultationStarted',
      date: '2027-01-25',
      id: 'c1',
      kind: 'co_producer',
      deliveredDate: '2027-01-26',
    };
    const lapsed = (date: string): CaseEvent => ({ type: 'ConsultationLapsed', date, id: 'c1' });
    expect(() => foldCase([january, started, lapsed('2027-02-22')], calendar)).toThrow(
      code('DISCLOSURE_PERIOD_NOT_LAPSED'),
    );
    const state = foldCase([january, started, lapsed('2027-02-23')], calendar);
    expect(state.consultations[0]).toMatchObject({ endDate: '2027-02-22', consent: true });
    // Paused 26–29 Jan, 31 Jan, 1–4 Feb, 15–20 Feb, 22 Feb: 16 working days.
    expect(replyClock(state, calendar, settings)).toMatchObject({ dueDate: '2027-03-15', pausedWorkingDays: 16 });
  });
});
