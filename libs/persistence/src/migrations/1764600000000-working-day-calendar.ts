import type { QueryRunner } from 'typeorm';
import { CHINESE_DAYS_1_5_7 } from '../../../domain/src/calendar/calendar-snapshot';

/**
 * The working-day calendar as deployment data (ADR 23). `calendar_years`: the current arrangement of each
 * year entered or seeded; `calendar_changes`: every change an administrator made, append-only, with who,
 * when, the notice and the request's Idempotency-Key. The same SQL on both dialects but the triggers.
 * Frozen once landed.
 */
export const WORKING_DAY_CALENDAR_TABLES: readonly string[] = [
  `CREATE TABLE calendar_years (
    year integer PRIMARY KEY, status varchar(16) NOT NULL, holidays text NOT NULL, workdays text NOT NULL,
    source text NOT NULL, version integer NOT NULL, updated_at varchar(32) NOT NULL)`,
  `CREATE TABLE calendar_changes (
    version integer PRIMARY KEY, year integer NOT NULL, holidays text NOT NULL, workdays text NOT NULL,
    source_reference text NOT NULL, source_date varchar(10) NOT NULL, actor text NOT NULL,
    occurred_at varchar(32) NOT NULL, idempotency_key varchar(200) UNIQUE)`,
];

/** Seeds `calendar_years` with 2004–2026 as chinese-days 1.5.7 had them (version 0). */
export async function seedCalendarYears(q: QueryRunner, placeholder: (n: number) => string): Promise<void> {
  const params = [1, 2, 3, 4].map(placeholder).join(', ');
  for (const [year, holidays, workdays] of CHINESE_DAYS_1_5_7) {
    await q.query(
      `INSERT INTO calendar_years (year, status, holidays, workdays, source, version, updated_at) VALUES (${params}, 'chinese-days 1.5.7 (国务院办公厅放假安排)', 0, '2026-12-04T00:00:00.000Z')`,
      [
        year,
        'official',
        JSON.stringify(holidays.map((md) => `${year}-${md}`)),
        JSON.stringify(workdays.map((md) => `${year}-${md}`)),
      ],
    );
  }
}
