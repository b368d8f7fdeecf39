import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deployment's edge (ADR 30, 31): a token version per account (a password change, reset or disabling
 * ends every token at once), revoked sessions (sign-out), and the rate-limit state every gateway shares.
 */
export class SessionsAndLimits1764900000000 implements MigrationInterface {
  name = 'SessionsAndLimits1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE TABLE revoked_sessions (sid varchar(64) PRIMARY KEY, expires_at bigint NOT NULL)`);
    await q.query(`CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at)`);
    await q.query(`CREATE TABLE rate_limits (key varchar(400) PRIMARY KEY, tat bigint NOT NULL)`);
    await q.query(`CREATE INDEX rate_limits_tat ON rate_limits (tat)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
    await q.query(`DROP TABLE revoked_sessions`);
    await q.query(`ALTER TABLE accounts DROP COLUMN token_version`);
  }
}
