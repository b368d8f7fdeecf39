import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_REPORT_APPEND_ONLY, DISCLOSURE_REPORT_TABLES } from '../1765950000000-disclosure-reports';

/** The annual report's tables (ADR 0119); its log append-only. */
export class DisclosureReports1765950000000 implements MigrationInterface {
  name = 'DisclosureReports1765950000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DISCLOSURE_REPORT_TABLES) await q.query(statement);
    for (const table of DISCLOSURE_REPORT_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
      await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The report log is kept: this migration is not reversible.'));
  }
}
