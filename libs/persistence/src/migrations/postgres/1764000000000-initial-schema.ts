import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_TABLES, INITIAL_TABLES } from '../1764000000000-tables';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of INITIAL_TABLES) await q.query(statement);
    await q.query(`CREATE FUNCTION od_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`);
    for (const table of APPEND_ONLY_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
    }
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The public record is forever: this migration is not reversible.'));
  }
}
