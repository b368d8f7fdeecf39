import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_APPEND_ONLY, DISCLOSURE_TABLES } from '../1765400000000-disclosure-tables';

/** On-request disclosure's tables (ADR 0069); the case log append-only. */
export class Disclosure1765400000000 implements MigrationInterface {
  name = 'Disclosure1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DISCLOSURE_TABLES) await q.query(statement);
    for (const table of DISCLOSURE_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
      await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The case log is kept: this migration is not reversible.'));
  }
}
