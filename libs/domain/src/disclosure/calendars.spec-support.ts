import { validateArrangement } from '../calendar/calendar-arrangement';
import { provisionalYear } from '../calendar/provisional-year';
import { FROZEN_CALENDAR, type WorkingCalendar } from '../calendar/working-calendar';

/**
 * Calendars the disclosure specs count on, in the deployment's data format (ADR 23). 2026 is the recorded
 * State Council arrangement: National Day 1–7 October with the make-up days Sunday 20 September and
 * Saturday 10 October. 2027 is either provisional (statutory days only) or a fictitious official notice:
 * Spring Festival Friday 5 – Friday 12 February with make-up days Sunday 31 January and Saturday 20 February.
 */
const year2026 = FROZEN_CALENDAR.years.find((y) => y.year === 2026)!;

export const CALENDAR_2026_PROVISIONAL_2027: WorkingCalendar = { version: 1, years: [year2026, provisionalYear(2027)] };

export const CALENDAR_2026_OFFICIAL_2027: WorkingCalendar = {
  version: 2,
  years: [
    year2026,
    validateArrangement({
      year: 2027,
      holidays: [
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
        ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d}`),
      ],
      workdays: ['2027-01-31', '2027-02-20'],
      sourceReference: '国办发明电〔2099〕2号（测试）',
      sourceDate: '2026-11-20',
    }),
  ],
};
