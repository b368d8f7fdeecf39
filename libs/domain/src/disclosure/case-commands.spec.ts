import type { StaffActor } from '../accounts/actors';
import { deadlineDueAt, deadlineEvent, disclosureCommandEvent } from './case-commands';
import { caseDeadlines } from './case-deadlines';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { CALENDAR_2026_OFFICIAL_2027 } from './calendars.spec-support';

const calendar = CALENDAR_2026_OFFICIAL_2027;
const settings = { pauseWhileAwaitingPayment: true };
const head: StaffActor = { accountId: 'head-1', username: 'head', unit: 'unit-a', role: 'manager' };
const received: CaseEvent = { type: 'RequestReceived', date: '2026-09-23', channel: 'in_person', handlerId: 'h-1' };
const code = (value: string) => expect.objectContaining({ code: value }) as Error;

describe('a staff command on a disclosure case', () => {
  it('becomes the case event dated today or the given day, the approver taken from the acting account', () => {
    expect(disclosureCommandEvent('receive-correction', {}, head, '2026-10-15', '2026-09-24')).toEqual({
      type: 'CorrectionReceived',
      date: '2026-10-15',
    });
    expect(
      disclosureCommandEvent(
        'grant-extension',
        { workingDays: 20, notifiedDate: '2026-11-16', date: '2026-11-16' },
        head,
        '2026-11-17',
        '2026-10-27',
      ),
    ).toEqual({
      type: 'ExtensionGranted',
      date: '2026-11-16',
      workingDays: 20,
      approvedBy: { accountId: 'head-1', role: 'manager' },
      notifiedDate: '2026-11-16',
    });
  });

  it('is refused when dated in the future, before the last step, or malformed', () => {
    for (const date of ['2026-11-18', '2026-10-26', '16/11/2026'])
      expect(() => disclosureCommandEvent('archive', { date }, head, '2026-11-17', '2026-10-27')).toThrow(
        code('DISCLOSURE_DATE_INVALID'),
      );
    const letter = { id: 't1', kind: 'third_party' as const, deliveredDate: '2026-10-19', date: '2026-10-20' };
    expect(() => disclosureCommandEvent('start-consultation', letter, head, '2026-10-21', '2026-10-15')).toThrow(
      code('DISCLOSURE_DATE_INVALID'),
    );
  });
});

describe('a passed deadline of a disclosure case', () => {
  it('falls due at midnight in Shanghai after its last day', () => {
    expect(new Date(deadlineDueAt({ kind: 'reply', lastDay: '2026-10-28' })).toISOString()).toBe(
      '2026-10-28T16:00:00.000Z',
    );
  });

  it('records the lapse, the consultation lapse or the overdue reply, and nothing for the notice window', () => {
    expect(deadlineEvent({ kind: 'correction_notice', lastDay: '2026-10-10' }, '2026-10-12')).toBeUndefined();
    expect(deadlineEvent({ kind: 'correction_period', lastDay: '2026-10-22' }, '2026-10-23')).toEqual({
      type: 'Abandoned',
      date: '2026-10-23',
      outcome: 'correction_lapsed',
    });
    expect(deadlineEvent({ kind: 'payment', lastDay: '2026-10-22' }, '2026-10-23')).toMatchObject({
      outcome: 'fee_unpaid',
    });
    expect(deadlineEvent({ kind: 'consultation', id: 't1', lastDay: '2026-10-22' }, '2026-10-23')).toEqual({
      type: 'ConsultationLapsed',
      date: '2026-10-23',
      id: 't1',
    });
  });

  it('marks the reply overdue once, only after its due date, and then waits for no reply deadline', () => {
    // Due 28 October 2026 (case-state.spec.ts).
    const early: CaseEvent = { type: 'ReplyOverdue', date: '2026-10-28', dueDate: '2026-10-28' };
    expect(() => foldCase([received, early], calendar, settings)).toThrow(code('DISCLOSURE_PERIOD_NOT_LAPSED'));
    const overdue = deadlineEvent({ kind: 'reply', lastDay: '2026-10-28' }, '2026-10-29')!;
    const state = foldCase([received, overdue], calendar, settings);
    expect(state.overdue).toEqual({ date: '2026-10-29', dueDate: '2026-10-28' });
    expect(caseDeadlines(state, calendar, settings).map((d) => d.kind)).not.toContain('reply');
    expect(() => foldCase([received, overdue, overdue], calendar, settings)).toThrow(code('DISCLOSURE_ILLEGAL_EVENT'));
  });
});
