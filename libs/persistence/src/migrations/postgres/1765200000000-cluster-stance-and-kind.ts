import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLUSTER_STANCE_AND_KIND } from '../1765200000000-cluster-stance-and-kind';

export class ClusterStanceAndKind1765200000000 implements MigrationInterface {
  name = 'ClusterStanceAndKind1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of CLUSTER_STANCE_AND_KIND) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE opinion_clusters DROP COLUMN kind`);
    await q.query(`ALTER TABLE opinion_clusters DROP COLUMN stance`);
  }
}
