import type { DataSource, EntityManager } from 'typeorm';
import {
  canonicalize,
  shanghaiDate,
  type CalendarArrangement,
  type CalendarYear,
  type StaffActor,
  type WorkingCalendar,
} from '../../../domain/src';
import { provisionalYear } from '../../../domain/src/calendar/provisional-year';
import { isUniqueViolation } from '../accounts/admin-events';
import { CalendarChangeEntity, CalendarYearEntity } from '../entities/calendar.entity';
import { inTransaction } from '../transaction';

/** A year as pages and the API list it: the arrangement, which change last set it and when. */
export interface PublishedCalendarYear extends CalendarYear {
  version: number;
  updatedAt: string | null;
}

/** One recorded change, as the public sees it: never the account, only its unit and role. */
export interface CalendarChange {
  version: number;
  year: number;
  holidays: string[];
  workdays: string[];
  sourceReference: string;
  sourceDate: string;
  changedBy: { unit: string; role: string };
  changedAt: string;
}

/** Years ahead of the current one that the calendar always lists (provisional until entered). */
const YEARS_AHEAD = 2;

function toYear(row: CalendarYearEntity): PublishedCalendarYear {
  const status = row.status === 'official' ? 'official' : 'provisional';
  return {
    year: row.year,
    status,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function toChange(row: CalendarChangeEntity): CalendarChange {
  const actor = JSON.parse(row.actor) as { unit: string; role: string };
  return {
    version: row.version,
    year: row.year,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    sourceReference: row.sourceReference,
    sourceDate: row.sourceDate,
    changedBy: { unit: actor.unit, role: actor.role },
    changedAt: row.occurredAt,
  };
}

async function versionOf(manager: EntityManager): Promise<number> {
  const row = await manager
    .createQueryBuilder(CalendarChangeEntity, 'c')
    .select('MAX(c.version)', 'max')
    .getRawOne<{ max: number | string | null }>();
  return Number(row?.max ?? 0);
}

/** Every year from `from` on: the recorded ones, and a provisional one for each missing year up to now + 2. */
export async function calendarYears(dataSource: DataSource, now: Date, from = 0): Promise<PublishedCalendarYear[]> {
  const rows = (await dataSource.manager.find(CalendarYearEntity, { order: { year: 'ASC' } }))
    .filter((row) => row.year >= from)
    .map(toYear);
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const first = Math.max(from, thisYear - 1);
  for (let year = first; year <= thisYear + YEARS_AHEAD; year += 1) {
    if (!rows.some((row) => row.year === year)) rows.push({ ...provisionalYear(year), version: 0, updatedAt: null });
  }
  return rows.sort((a, b) => a.year - b.year);
}

/**
 * The calendar a workflow counts on (the `loadCalendar` activity): last year, this year and the next two,
 * official where entered, provisional otherwise; `version` is the number of changes recorded.
 */
export async function currentCalendar(dataSource: DataSource, now: Date): Promise<WorkingCalendar> {
  const version = await versionOf(dataSource.manager);
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const years = (await calendarYears(dataSource, now, thisYear - 1)).filter(
    (year) => year.year <= thisYear + YEARS_AHEAD,
  );
  return {
    version,
    years: years.map(({ year, status, holidays, workdays, source }) => ({ year, status, holidays, workdays, source })),
  };
}

export async function calendarChanges(dataSource: DataSource, limit = 100): Promise<CalendarChange[]> {
  return (await dataSource.manager.find(CalendarChangeEntity, { order: { version: 'DESC' }, take: limit })).map(
    toChange,
  );
}

/** The outcome of entering a year: the change, and whether it was recorded before under the same key. */
export type EnterCalendarOutcome =
  | { change: CalendarChange; replayed: boolean }
  | { refused: 'IDEMPOTENCY_KEY_REUSED' };

/**
 * Records an administrator's official arrangement (validated by `validateArrangement`): a new
 * `calendar_changes` row (the next version) and the year's row, in one transaction. The same
 * Idempotency-Key with the same content returns the change recorded first; with other content it is refused.
 */
export async function enterCalendarYear(
  dataSource: DataSource,
  input: {
    arrangement: CalendarArrangement;
    year: CalendarYear;
    actor: StaffActor;
    now: Date;
    idempotencyKey?: string;
  },
): Promise<EnterCalendarOutcome> {
  const { arrangement, year, actor, now, idempotencyKey } = input;
  const same = (row: CalendarChangeEntity) =>
    row.year === year.year &&
    row.holidays === JSON.stringify(year.holidays) &&
    row.workdays === JSON.stringify(year.workdays) &&
    row.sourceReference === arrangement.sourceReference.trim() &&
    row.sourceDate === arrangement.sourceDate;
  const earlier = async (): Promise<EnterCalendarOutcome | undefined> => {
    if (!idempotencyKey) return undefined;
    const row = await dataSource.manager.findOneBy(CalendarChangeEntity, { idempotencyKey });
    if (!row) return undefined;
    return same(row) ? { change: toChange(row), replayed: true } : { refused: 'IDEMPOTENCY_KEY_REUSED' };
  };
  const found = await earlier();
  if (found) return found;
  try {
    return await inTransaction(dataSource, async (manager) => {
      if (dataSource.options.type === 'postgres') await manager.query('LOCK TABLE calendar_changes IN EXCLUSIVE MODE');
      const version = (await versionOf(manager)) + 1;
      const row: CalendarChangeEntity = {
        version,
        year: year.year,
        holidays: JSON.stringify(year.holidays),
        workdays: JSON.stringify(year.workdays),
        sourceReference: arrangement.sourceReference.trim(),
        sourceDate: arrangement.sourceDate,
        actor: canonicalize({
          accountId: actor.accountId,
          username: actor.username,
          unit: actor.unit,
          role: actor.role,
        }),
        occurredAt: now.toISOString(),
        idempotencyKey: idempotencyKey ?? null,
      };
      await manager.insert(CalendarChangeEntity, row);
      await manager.upsert(
        CalendarYearEntity,
        {
          year: year.year,
          status: 'official',
          holidays: row.holidays,
          workdays: row.workdays,
          source: year.source,
          version,
          updatedAt: row.occurredAt,
        },
        ['year'],
      );
      return { change: toChange(row), replayed: false };
    });
  } catch (error) {
    // Two requests with one key raced: the other one recorded it.
    const raced = isUniqueViolation(error) ? await earlier() : undefined;
    if (raced) return raced;
    throw error;
  }
}

/** Registered decisions that are not closed, by id after `after` (the calendar fan-out's pages). */
export async function listOpenDecisionIds(dataSource: DataSource, after: string, limit: number): Promise<string[]> {
  const rows = await dataSource.manager
    .createQueryBuilder()
    .select('d.id', 'id')
    .from('decisions', 'd')
    .where('d.stage <> :closed AND d.id > :after', { closed: 'closed', after })
    .orderBy('d.id', 'ASC')
    .limit(limit)
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}
