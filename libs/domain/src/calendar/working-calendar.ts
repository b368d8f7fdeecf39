import { CHINESE_DAYS_1_5_7 } from './calendar-snapshot';

/**
 * One year of the official working-day calendar: its holidays and its make-up working days (调休), both
 * as `YYYY-MM-DD`, where they come from, and whether the State Council's arrangement is in (`official`)
 * or the year was derived from the statutory holidays alone (`provisional`, no make-up days).
 */
export interface CalendarYear {
  year: number;
  status: 'official' | 'provisional';
  holidays: string[];
  workdays: string[];
  /** The notice, e.g. `国办发明电〔2026〕7号 (2026-11-20)`; for a provisional year the statute. */
  source: string;
}

/**
 * The calendar a workflow counts working days on. It reaches the workflow as recorded data (activity
 * result or continue-as-new state), never from a package. `version` grows with every change an
 * administrator records; 0 is the seed. A year it does not list counts weekends only and is provisional.
 */
export interface WorkingCalendar {
  version: number;
  years: CalendarYear[];
}

/** How a due date was counted (the explanation pages offer; SPEC: "every due date knows how"). */
export interface DueCount {
  /** The instant counting started from; day 1 is the next working day after its Shanghai date. */
  from: string;
  workingDays: number;
  calendarVersion: number;
  /** True when a day of the span lies in a provisional year or a year the calendar does not list. */
  provisional: boolean;
  holidaysSkipped: string[];
  weekendsSkipped: string[];
  makeUpDaysCounted: string[];
  /** The sources of the years the span touches. */
  sources: string[];
}

export const STATUTORY_SOURCE = '《全国年节及纪念日放假办法》(2024)';
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function expand([year, holidays, workdays]: readonly [number, readonly string[], readonly string[]]): CalendarYear {
  const full = (md: string) => `${year}-${md}`;
  return {
    year,
    status: 'official',
    holidays: holidays.map(full),
    workdays: workdays.map(full),
    source: 'chinese-days 1.5.7 (国务院办公厅放假安排)',
  };
}

/**
 * The calendar of a run whose state carries none: the frozen chinese-days 1.5.7 data, which is what every
 * history recorded before ADR 23 counted on (beyond 2026 only weekends rest, as that package did).
 */
export const FROZEN_CALENDAR: WorkingCalendar = { version: 0, years: CHINESE_DAYS_1_5_7.map(expand) };

const indexes = new WeakMap<
  WorkingCalendar,
  Map<number, { year: CalendarYear; holidays: Set<string>; workdays: Set<string> }>
>();

function indexOf(calendar: WorkingCalendar) {
  let index = indexes.get(calendar);
  if (!index) {
    index = new Map(
      calendar.years.map((year) => [
        year.year,
        { year, holidays: new Set(year.holidays), workdays: new Set(year.workdays) },
      ]),
    );
    indexes.set(calendar, index);
  }
  return index;
}

/** What kind of day a `YYYY-MM-DD` is on the calendar. */
export function dayKind(calendar: WorkingCalendar, date: string): 'workday' | 'makeup' | 'holiday' | 'weekend' {
  const entry = indexOf(calendar).get(Number(date.slice(0, 4)));
  if (entry?.workdays.has(date)) return 'makeup';
  if (entry?.holidays.has(date)) return 'holiday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The end (23:59:59.999 Shanghai time) of the `days`-th working day after the instant's Shanghai date,
 * and how it was counted. Pure; the calendar is an argument (ADR 23).
 */
export function countWorkingDays(
  instant: Date,
  days: number,
  calendar: WorkingCalendar,
): { at: Date; count: DueCount } {
  const count: DueCount = {
    from: instant.toISOString(),
    workingDays: days,
    calendarVersion: calendar.version,
    provisional: false,
    holidaysSkipped: [],
    weekendsSkipped: [],
    makeUpDaysCounted: [],
    sources: [],
  };
  let date = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  for (let left = days; left > 0; ) {
    date = nextDate(date);
    const year = indexOf(calendar).get(Number(date.slice(0, 4)))?.year;
    if (!year || year.status === 'provisional') count.provisional = true;
    const source = year?.source ?? STATUTORY_SOURCE;
    if (!count.sources.includes(source)) count.sources.push(source);
    const kind = dayKind(calendar, date);
    if (kind === 'holiday') count.holidaysSkipped.push(date);
    else if (kind === 'weekend') count.weekendsSkipped.push(date);
    else {
      if (kind === 'makeup') count.makeUpDaysCounted.push(date);
      left -= 1;
    }
  }
  return { at: new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1), count };
}

/** The calendar a state counts on: its own, or the frozen one of runs from before ADR 23. */
export function calendarOf(state: { calendar?: WorkingCalendar }): WorkingCalendar {
  return state.calendar ?? FROZEN_CALENDAR;
}
