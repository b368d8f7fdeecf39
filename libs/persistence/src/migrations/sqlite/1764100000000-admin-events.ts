import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only administration log (units and accounts). */
export class AdminEvents1764100000000 implements MigrationInterface {
  name = 'AdminEvents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin_events (
      id integer PRIMARY KEY AUTOINCREMENT, occurred_at varchar(32) NOT NULL, actor text NOT NULL,
      type varchar(64) NOT NULL, data text NOT NULL)`);
    await q.query(`CREATE TRIGGER admin_events_no_update BEFORE UPDATE ON admin_events
      BEGIN SELECT RAISE(ABORT, 'admin_events is append-only'); END`);
    await q.query(`CREATE TRIGGER admin_events_no_delete BEFORE DELETE ON admin_events
      BEGIN SELECT RAISE(ABORT, 'admin_events is append-only'); END`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The administration log is kept forever: this migration is not reversible.'));
  }
}
