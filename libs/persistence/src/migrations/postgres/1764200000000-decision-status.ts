import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DECISION_STATUS_COLUMNS } from '../1764200000000-decision-status';

export class DecisionStatus1764200000000 implements MigrationInterface {
  name = 'DecisionStatus1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of DECISION_STATUS_COLUMNS) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Not reversible: read models are rebuilt from the logs instead.'));
  }
}
