import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillTree } from '../../transparency/tree-writer';
import { TRANSPARENCY_APPEND_ONLY, TRANSPARENCY_TABLES } from '../1765100000000-transparency-tables';

/**
 * The transparency log's tables (ADR 54), append-only (reusing `od_refuse_change()` of the first
 * migration), and the tree over the entries already stored.
 */
export class TransparencyLog1765100000000 implements MigrationInterface {
  name = 'TransparencyLog1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of TRANSPARENCY_TABLES) await q.query(statement);
    for (const table of TRANSPARENCY_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
    }
    await backfillTree(q.manager);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The transparency log is kept forever: this migration is not reversible.'));
  }
}
