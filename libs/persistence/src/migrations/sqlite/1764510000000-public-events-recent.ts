import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PUBLIC_EVENTS_RECENT_INDEX } from '../1764510000000-public-events-recent';

export class PublicEventsRecent1764510000000 implements MigrationInterface {
  name = 'PublicEventsRecent1764510000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of PUBLIC_EVENTS_RECENT_INDEX) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX public_events_recent`);
  }
}
