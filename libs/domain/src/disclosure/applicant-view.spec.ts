import { applicantCaseView } from './applicant-view';
import { DEFAULT_DISCLOSURE_SETTINGS } from './case-clock';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { CALENDAR_2026_PROVISIONAL_2027 as calendar } from './calendars.spec-support';

const received: CaseEvent = { type: 'RequestReceived', date: '2026-09-21', channel: 'online', handlerId: 'unassigned' };
const view = (...events: CaseEvent[]) =>
  applicantCaseView(foldCase([received, ...events], calendar), calendar, DEFAULT_DISCLOSURE_SETTINGS);

describe("the applicant's view of a case", () => {
  it('counts 20 working days across National Day and shows the registration stage', () => {
    expect(view()).toMatchObject({
      stage: 'registration',
      receivedDate: '2026-09-21',
      clock: { status: 'running', dueDate: '2026-10-26', periodWorkingDays: 20, pausedWorkingDays: 0 },
      pauses: [],
    });
  });

  it('shows a third-party pause with its dates and an extension without its approver', () => {
    const shown = view(
      { type: 'StageMoved', date: '2026-09-22', to: 'review' },
      { type: 'StageMoved', date: '2026-09-22', to: 'handling' },
      { type: 'ConsultationStarted', date: '2026-09-23', id: 'c1', kind: 'third_party', deliveredDate: '2026-09-24' },
      { type: 'ConsultationAnswered', date: '2026-09-25', id: 'c1', consent: true },
      {
        type: 'ExtensionGranted',
        date: '2026-10-12',
        workingDays: 10,
        approvedBy: { accountId: 'acc-head', role: 'manager' },
        notifiedDate: '2026-10-12',
      },
    );
    expect(shown.pauses).toEqual([{ kind: 'third_party', startDate: '2026-09-23', endDate: '2026-09-25' }]);
    expect(shown.extension).toEqual({ workingDays: 10, date: '2026-10-12' });
    // Paused from the 23rd to the 25th: the 24th counts, the 25th is the Mid-Autumn Festival.
    expect(shown.clock).toMatchObject({ status: 'running', periodWorkingDays: 30, pausedWorkingDays: 1 });
    expect(JSON.stringify(shown)).not.toMatch(/acc-head|unassigned/);
  });
});
