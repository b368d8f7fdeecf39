import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillTree } from '../../transparency/tree-writer';
import { TRANSPARENCY_APPEND_ONLY, TRANSPARENCY_TABLES } from '../1765100000000-transparency-tables';

/** The transparency log's tables (ADR 54), append-only, and the tree over the entries already stored. */
export class TransparencyLog1765100000000 implements MigrationInterface {
  name = 'TransparencyLog1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of TRANSPARENCY_TABLES) await q.query(statement);
    for (const table of TRANSPARENCY_APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
      await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    }
    await backfillTree(q.manager);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The transparency log is kept forever: this migration is not reversible.'));
  }
}
