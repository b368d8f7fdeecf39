import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLUSTER_LABEL_CONFIRMED } from '../1765600000000-cluster-label-confirmed';

export class ClusterLabelConfirmed1765600000000 implements MigrationInterface {
  name = 'ClusterLabelConfirmed1765600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of CLUSTER_LABEL_CONFIRMED) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opinion_clusters DROP COLUMN label_confirmed_at`);
  }
}
