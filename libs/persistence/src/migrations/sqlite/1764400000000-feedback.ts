import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FEEDBACK_TABLES } from '../1764400000000-feedback';

export class Feedback1764400000000 implements MigrationInterface {
  name = 'Feedback1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of FEEDBACK_TABLES) await q.query(statement);
    await q.query(`CREATE TABLE feedback_work_log (
      id integer PRIMARY KEY AUTOINCREMENT, decision_id varchar(64) NOT NULL, occurred_at varchar(32) NOT NULL,
      actor text NOT NULL, type varchar(64) NOT NULL, data text NOT NULL)`);
    await q.query(`CREATE INDEX feedback_work_log_decision ON feedback_work_log (decision_id, id)`);
    await q.query(`CREATE TRIGGER feedback_work_log_no_update BEFORE UPDATE ON feedback_work_log
      BEGIN SELECT RAISE(ABORT, 'feedback_work_log is append-only'); END`);
    await q.query(`CREATE TRIGGER feedback_work_log_no_delete BEFORE DELETE ON feedback_work_log
      BEGIN SELECT RAISE(ABORT, 'feedback_work_log is append-only'); END`);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The feedback work log is kept forever: this migration is not reversible.'));
  }
}
