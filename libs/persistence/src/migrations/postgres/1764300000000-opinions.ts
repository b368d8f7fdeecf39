import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OPINION_TABLES } from '../1764300000000-opinions';

export class Opinions1764300000000 implements MigrationInterface {
  name = 'Opinions1764300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of OPINION_TABLES) await q.query(statement);
    await q.query(`CREATE TRIGGER opinions_text_fixed BEFORE UPDATE OF receipt, decision_id, text_raw, text_public, contact, received_at ON opinions
      FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`);
    await q.query(
      `CREATE TRIGGER opinions_no_delete BEFORE DELETE ON opinions FOR EACH ROW EXECUTE FUNCTION od_refuse_change()`,
    );
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Not reversible: receipted opinions are never lost.'));
  }
}
