import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedCalendarYears, WORKING_DAY_CALENDAR_TABLES } from '../1764600000000-working-day-calendar';

/** Reuses `od_refuse_change()` of the first migration for the append-only triggers. */
export class WorkingDayCalendar1764600000000 implements MigrationInterface {
  name = 'WorkingDayCalendar1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of WORKING_DAY_CALENDAR_TABLES) await q.query(statement);
    await q.query(`CREATE TRIGGER calendar_changes_append_only BEFORE UPDATE OR DELETE ON calendar_changes
      FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
    await q.query(`CREATE TRIGGER calendar_changes_no_truncate BEFORE TRUNCATE ON calendar_changes
      FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
    await seedCalendarYears(q, (n) => `$${n}`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The calendar changes are kept forever: this migration is not reversible.'));
  }
}
