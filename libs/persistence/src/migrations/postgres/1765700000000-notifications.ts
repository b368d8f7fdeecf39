import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NOTIFICATION_TABLES } from '../1765700000000-notifications';

/** The mail recipients and the notification outbox (ADR 94). */
export class Notifications1765700000000 implements MigrationInterface {
  name = 'Notifications1765700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of NOTIFICATION_TABLES) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_outbox');
    await q.query('DROP TABLE mail_recipients');
  }
}
