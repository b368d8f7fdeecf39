import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_TABLES, INITIAL_TABLES } from '../1764000000000-tables';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of INITIAL_TABLES) await q.query(statement);
    for (const table of APPEND_ONLY_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
      await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The public record is forever: this migration is not reversible.'));
  }
}
