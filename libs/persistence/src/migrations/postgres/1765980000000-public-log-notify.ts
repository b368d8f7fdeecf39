import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's timeline cache learns from the database when a public timeline changes (ADR 0126): a commit
 * that appends to `public_events`, or inserts, changes or removes a `decisions` row (its public visibility),
 * notifies `od_public_log` with the decision id; truncating `decisions` (a read-model rebuild) notifies `*`.
 * PostgreSQL delivers a notification only when its transaction commits and folds identical ones of one
 * transaction into one. SQLite needs none: there the gateway reads the chain head on every request.
 */
export class PublicLogNotify1765980000000 implements MigrationInterface {
  name = 'PublicLogNotify1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION od_notify_public_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('od_public_log', '*');
        ELSIF TG_TABLE_NAME = 'public_events' THEN
          PERFORM pg_notify('od_public_log', NEW.decision_id);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('od_public_log', OLD.id);
        ELSE
          PERFORM pg_notify('od_public_log', NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER public_events_notify AFTER INSERT ON public_events
      FOR EACH ROW EXECUTE FUNCTION od_notify_public_log()`);
    await q.query(`CREATE TRIGGER decisions_notify AFTER INSERT OR UPDATE OR DELETE ON decisions
      FOR EACH ROW EXECUTE FUNCTION od_notify_public_log()`);
    await q.query(`CREATE TRIGGER decisions_notify_truncate AFTER TRUNCATE ON decisions
      FOR EACH STATEMENT EXECUTE FUNCTION od_notify_public_log()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER decisions_notify_truncate ON decisions`);
    await q.query(`DROP TRIGGER decisions_notify ON decisions`);
    await q.query(`DROP TRIGGER public_events_notify ON public_events`);
    await q.query(`DROP FUNCTION od_notify_public_log()`);
  }
}
