import { countWorkingDays, FROZEN_CALENDAR, type WorkingCalendar } from './working-calendar';

/** Asia/Shanghai has no daylight saving time: a fixed +08:00. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Shanghai calendar date, as an instant. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

/**
 * The end (23:59:59.999 Shanghai time) of the `days`-th working day after the instant's Shanghai date,
 * on the given calendar including make-up working days (调休); see `countWorkingDays` for the explanation.
 * Trap: the default is the frozen calendar of runs from before ADR 23, where beyond 2026 only weekends rest.
 */
export function addWorkingDays(instant: Date, days: number, calendar: WorkingCalendar = FROZEN_CALENDAR): Date {
  return countWorkingDays(instant, days, calendar).at;
}

export function addCalendarDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Whole calendar days from one instant to another (may be fractional; not rounded). */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}
