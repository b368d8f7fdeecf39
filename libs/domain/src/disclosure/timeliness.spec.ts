import { FROZEN_CALENDAR } from '../calendar/working-calendar';
import type { CaseEvent } from './case-events';
import { timelinessCaseOf, timelinessStatistics } from './timeliness';

const calendar = FROZEN_CALENDAR;
const received = (date: string): CaseEvent => ({ type: 'RequestReceived', date, channel: 'in_person', handlerId: 'h' });
const replied = (date: string, outcome: 'disclosed' | 'not_held' = 'disclosed'): CaseEvent => ({
  type: 'Replied',
  date,
  outcome,
});

/**
 * A fixture computed by hand on the 2026 calendar (no holiday in March, July or August):
 * A received 2026-03-02, replied 2026-03-30: 20 working days, due 2026-03-30 → on time.
 * B received 2026-07-01, replied 2026-08-12: 30 working days, due 2026-07-29 → late.
 * C received 2026-03-10, replied 2026-03-17 (not held): 5 working days → on time.
 * D received 2026-05-11, correction lapsed 2026-06-15 → abandoned (other).
 * E received 2026-12-28, open. F another unit.
 */
const cases = [
  timelinessCaseOf('u', [received('2026-03-02'), replied('2026-03-30')], calendar),
  timelinessCaseOf('u', [received('2026-07-01'), replied('2026-08-12')], calendar),
  timelinessCaseOf('u', [received('2026-03-10'), replied('2026-03-17', 'not_held')], calendar),
  timelinessCaseOf(
    'u',
    [
      received('2026-05-11'),
      { type: 'CorrectionRequested', date: '2026-05-12', periodWorkingDays: 10 },
      { type: 'Abandoned', date: '2026-06-15', outcome: 'correction_lapsed' },
    ],
    calendar,
  ),
  timelinessCaseOf('u', [received('2026-12-28')], calendar),
  timelinessCaseOf('v', [received('2026-03-02'), replied('2026-03-04')], calendar),
];

describe('timeliness statistics from case facts', () => {
  it('reads the due date at reply and the closing step of each case', () => {
    expect(cases[0]).toEqual({
      unit: 'u',
      receivedDate: '2026-03-02',
      dueDate: '2026-03-30',
      closedDate: '2026-03-30',
      closedBy: 'reply',
      outcome: 'disclosed',
    });
    expect(cases[1]!.dueDate).toBe('2026-07-29');
    expect(cases[3]).toMatchObject({ closedBy: 'abandoned', outcome: 'correction_lapsed', dueDate: null });
    expect(cases[4]).toMatchObject({ closedBy: null, closedDate: null, dueDate: expect.any(String) });
  });

  it('counts per unit and year: received, replies, median working days, share on time, outcome mix', () => {
    const [u2026, v2026] = timelinessStatistics(cases, calendar);
    expect(u2026).toEqual({
      unit: 'u',
      year: 2026,
      received: 5,
      replied: 3,
      medianWorkingDays: 20,
      onTime: 2,
      onTimeShare: 0.667,
      outcomes: { disclosed: 2, partly_disclosed: 0, withheld: 0, cannot_provide: 1, not_handled: 0, other: 1 },
    });
    expect(v2026).toMatchObject({
      unit: 'v',
      received: 1,
      replied: 1,
      medianWorkingDays: 2,
      onTime: 1,
      onTimeShare: 1,
    });
  });

  it('recomputes to the same figures from the published rows (a JSON round trip)', () => {
    const published = JSON.parse(JSON.stringify(cases)) as typeof cases;
    expect(timelinessStatistics(published, calendar)).toEqual(timelinessStatistics(cases, calendar));
  });
});
