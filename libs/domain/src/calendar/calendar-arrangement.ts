import { InvalidCommandError } from '../errors/errors';
import type { CalendarYear } from './working-calendar';

/** What an administrator enters for one year: the State Council's arrangement (放假安排) as published. */
export interface CalendarArrangement {
  year: number;
  holidays: string[];
  workdays: string[];
  /** The notice's number, e.g. `国办发明电〔2026〕7号`. */
  sourceReference: string;
  /** The notice's date, `YYYY-MM-DD`. */
  sourceDate: string;
}

/** Years an arrangement may be entered for. */
export const CALENDAR_YEARS = { first: 2000, last: 2100 } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: unknown): value is string {
  return (
    typeof value === 'string' && DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

function dates(values: unknown, field: string, year: number): string[] {
  if (!Array.isArray(values))
    throw new InvalidCommandError('CALENDAR_DATE_INVALID', `${field} must be a list of dates (YYYY-MM-DD).`, { field });
  for (const value of values) {
    if (!isDate(value))
      throw new InvalidCommandError('CALENDAR_DATE_INVALID', `${field}: ${String(value)} is not a date (YYYY-MM-DD).`, {
        field,
      });
    if (!value.startsWith(`${year}-`))
      throw new InvalidCommandError('CALENDAR_DATE_OUTSIDE_YEAR', `${field}: ${value} is not in ${year}.`, {
        field,
        date: value,
      });
  }
  return [...new Set(values as string[])].sort();
}

/**
 * Checks an official arrangement and returns the year it defines. Refuses, with a stable code: a year
 * out of range (`CALENDAR_YEAR_INVALID`), a malformed date (`CALENDAR_DATE_INVALID`), a date in another
 * year (`CALENDAR_DATE_OUTSIDE_YEAR`), a date that is both a holiday and a make-up day
 * (`CALENDAR_DAY_CONFLICT`), a make-up day on a weekday (`CALENDAR_MAKEUP_NOT_WEEKEND`: 调休 moves work
 * onto a Saturday or Sunday), no holiday at all (`CALENDAR_HOLIDAYS_REQUIRED`) and a missing source
 * (`CALENDAR_SOURCE_REQUIRED`). Pure.
 */
export function validateArrangement(input: CalendarArrangement): CalendarYear {
  const { year } = input;
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
    throw new InvalidCommandError(
      'CALENDAR_YEAR_INVALID',
      `year must be a whole year from ${CALENDAR_YEARS.first} to ${CALENDAR_YEARS.last}.`,
    );
  }
  const reference = typeof input.sourceReference === 'string' ? input.sourceReference.trim() : '';
  if (!reference || reference.length > 200 || !isDate(input.sourceDate)) {
    throw new InvalidCommandError(
      'CALENDAR_SOURCE_REQUIRED',
      'The notice the arrangement comes from is required: its number and its date (YYYY-MM-DD).',
    );
  }
  const holidays = dates(input.holidays, 'holidays', year);
  const workdays = dates(input.workdays, 'workdays', year);
  if (holidays.length === 0)
    throw new InvalidCommandError('CALENDAR_HOLIDAYS_REQUIRED', `An arrangement for ${year} lists its holidays.`);
  const both = holidays.find((date) => workdays.includes(date));
  if (both)
    throw new InvalidCommandError(
      'CALENDAR_DAY_CONFLICT',
      `${both} is listed both as a holiday and as a make-up working day.`,
      { date: both },
    );
  const weekday = workdays.find((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
  if (weekday)
    throw new InvalidCommandError(
      'CALENDAR_MAKEUP_NOT_WEEKEND',
      `${weekday} is a weekday: a make-up working day falls on a Saturday or Sunday.`,
      { date: weekday },
    );
  return { year, status: 'official', holidays, workdays, source: `${reference} (${input.sourceDate})` };
}
