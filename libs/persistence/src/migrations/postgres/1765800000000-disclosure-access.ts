import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_ACCESS_TABLES } from '../1765800000000-disclosure-access';

export class DisclosureAccess1765800000000 implements MigrationInterface {
  name = 'DisclosureAccess1765800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DISCLOSURE_ACCESS_TABLES) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disclosure_access`);
  }
}
