import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only administration log (units and accounts); reuses `od_refuse_change()` of the first migration. */
export class AdminEvents1764100000000 implements MigrationInterface {
  name = 'AdminEvents1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin_events (
      id serial PRIMARY KEY, occurred_at varchar(32) NOT NULL, actor text NOT NULL,
      type varchar(64) NOT NULL, data text NOT NULL)`);
    await q.query(`CREATE TRIGGER admin_events_append_only BEFORE UPDATE OR DELETE ON admin_events
      FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
    await q.query(`CREATE TRIGGER admin_events_no_truncate BEFORE TRUNCATE ON admin_events
      FOR EACH STATEMENT EXECUTE FUNCTION od_refuse_change()`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The administration log is kept forever: this migration is not reversible.'));
  }
}
