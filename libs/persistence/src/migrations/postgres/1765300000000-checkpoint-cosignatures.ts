import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CHECKPOINT_COSIGNATURES_KEY_INDEX,
  CHECKPOINT_COSIGNATURES_TABLE,
} from '../1765300000000-checkpoint-cosignatures-table';

/** Witness cosignatures (ADR 61), append-only (reusing `od_refuse_change()` of the first migration). */
export class CheckpointCosignatures1765300000000 implements MigrationInterface {
  name = 'CheckpointCosignatures1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CHECKPOINT_COSIGNATURES_TABLE);
    await q.query(CHECKPOINT_COSIGNATURES_KEY_INDEX);
    await q.query(`CREATE TRIGGER checkpoint_cosignatures_append_only BEFORE UPDATE OR DELETE
      ON checkpoint_cosignatures FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
    await q.query(`CREATE TRIGGER checkpoint_cosignatures_no_truncate BEFORE TRUNCATE
      ON checkpoint_cosignatures FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Witness cosignatures are kept forever: this migration is not reversible.'));
  }
}
