import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedCalendarYears, WORKING_DAY_CALENDAR_TABLES } from '../1764600000000-working-day-calendar';

export class WorkingDayCalendar1764600000000 implements MigrationInterface {
  name = 'WorkingDayCalendar1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of WORKING_DAY_CALENDAR_TABLES) await q.query(statement);
    await q.query(`CREATE TRIGGER calendar_changes_no_update BEFORE UPDATE ON calendar_changes
      BEGIN SELECT RAISE(ABORT, 'calendar_changes is append-only'); END`);
    await q.query(`CREATE TRIGGER calendar_changes_no_delete BEFORE DELETE ON calendar_changes
      BEGIN SELECT RAISE(ABORT, 'calendar_changes is append-only'); END`);
    await seedCalendarYears(q, () => '?');
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The calendar changes are kept forever: this migration is not reversible.'));
  }
}
