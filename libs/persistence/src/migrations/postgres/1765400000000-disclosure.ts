import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_APPEND_ONLY, DISCLOSURE_TABLES } from '../1765400000000-disclosure-tables';

/** On-request disclosure's tables (ADR 0069); the case log append-only (`od_refuse_change()` of the first migration). */
export class Disclosure1765400000000 implements MigrationInterface {
  name = 'Disclosure1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DISCLOSURE_TABLES) await q.query(statement);
    for (const table of DISCLOSURE_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The case log is kept: this migration is not reversible.'));
  }
}
