import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_REPORT_APPEND_ONLY, DISCLOSURE_REPORT_TABLES } from '../1765950000000-disclosure-reports';

/** The annual report's tables (ADR 0119); its log append-only (`od_refuse_change()` of the first migration). */
export class DisclosureReports1765950000000 implements MigrationInterface {
  name = 'DisclosureReports1765950000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DISCLOSURE_REPORT_TABLES) await q.query(statement);
    for (const table of DISCLOSURE_REPORT_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The report log is kept: this migration is not reversible.'));
  }
}
