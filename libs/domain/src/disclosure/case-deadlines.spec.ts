import { caseDeadlines } from './case-deadlines';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { CALENDAR_2026_OFFICIAL_2027 as calendar } from './calendars.spec-support';

const settings = { pauseWhileAwaitingPayment: true };
const received: CaseEvent = { type: 'RequestReceived', date: '2026-09-23', channel: 'fax', handlerId: 'h-1' };
const deadlinesOf = (events: CaseEvent[]) => caseDeadlines(foldCase(events, calendar, settings), calendar, settings);

describe('the deadlines a case waits for', () => {
  it('waits for the correction notice window and the reply after receipt, earliest first', () => {
    expect(deadlinesOf([received])).toEqual([
      { kind: 'correction_notice', lastDay: '2026-10-10' },
      { kind: 'reply', lastDay: '2026-10-28' },
    ]);
  });

  it('waits only for the correction while one is awaited, then for the consultation and the payment', () => {
    const asked: CaseEvent = { type: 'CorrectionRequested', date: '2026-09-24', periodWorkingDays: 5 };
    expect(deadlinesOf([received, asked])).toEqual([{ kind: 'correction_period', lastDay: '2026-10-09' }]);
    const handling: CaseEvent[] = [
      received,
      { type: 'StageMoved', date: '2026-09-24', to: 'review' },
      { type: 'StageMoved', date: '2026-09-24', to: 'handling' },
      { type: 'ConsultationStarted', date: '2026-09-28', id: 't1', kind: 'third_party', deliveredDate: '2026-09-29' },
      { type: 'FeeNoticed', date: '2026-09-29', amountYuan: 100 },
    ];
    // From 29 Sep: 30 Sep, 8–10 Oct (10th a make-up Saturday), 12–16, 19–23, 26 Oct is the 15th working day.
    expect(deadlinesOf(handling)).toEqual([
      { kind: 'consultation', id: 't1', lastDay: '2026-10-26' },
      { kind: 'payment', lastDay: '2026-11-02' },
    ]);
    expect(deadlinesOf([...handling, { type: 'Replied', date: '2026-10-20', outcome: 'disclosed' }])).toEqual([]);
  });
});
