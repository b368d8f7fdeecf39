import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CHECKPOINT_COSIGNATURES_KEY_INDEX,
  CHECKPOINT_COSIGNATURES_TABLE,
} from '../1765300000000-checkpoint-cosignatures-table';

/** Witness cosignatures (ADR 61), append-only. */
export class CheckpointCosignatures1765300000000 implements MigrationInterface {
  name = 'CheckpointCosignatures1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CHECKPOINT_COSIGNATURES_TABLE);
    await q.query(CHECKPOINT_COSIGNATURES_KEY_INDEX);
    await q.query(`CREATE TRIGGER checkpoint_cosignatures_no_update BEFORE UPDATE ON checkpoint_cosignatures
      BEGIN SELECT RAISE(ABORT, 'checkpoint_cosignatures is append-only'); END`);
    await q.query(`CREATE TRIGGER checkpoint_cosignatures_no_delete BEFORE DELETE ON checkpoint_cosignatures
      BEGIN SELECT RAISE(ABORT, 'checkpoint_cosignatures is append-only'); END`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Witness cosignatures are kept forever: this migration is not reversible.'));
  }
}
