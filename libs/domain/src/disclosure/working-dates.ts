import { countWorkingDays, dayKind, type WorkingCalendar } from '../calendar/working-calendar';

/**
 * Working-day arithmetic on Shanghai calendar dates (`YYYY-MM-DD`), the unit every clock of a request
 * counts in. Both helpers take the calendar as data, so a recorded calendar change moves every date.
 */
const NOON_SHANGHAI = 'T04:00:00.000Z';
const DAY_MS = 86_400_000;

/** The `days`-th working day after `date` (day 1 is the first working day after it, as art.33 counts). */
export function addWorkingDates(date: string, days: number, calendar: WorkingCalendar): string {
  const { at } = countWorkingDays(new Date(`${date}${NOON_SHANGHAI}`), days, calendar);
  return new Date(at.getTime() + 1 - DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`) + DAY_MS; t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const kind = dayKind(calendar, new Date(t).toISOString().slice(0, 10));
    if (kind === 'workday' || kind === 'makeup') count += 1;
  }
  return count;
}
