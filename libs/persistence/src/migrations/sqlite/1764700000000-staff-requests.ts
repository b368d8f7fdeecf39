import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STAFF_REQUESTS_TABLE } from '../1764700000000-staff-requests';

export class StaffRequests1764700000000 implements MigrationInterface {
  name = 'StaffRequests1764700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of STAFF_REQUESTS_TABLE) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_requests`);
  }
}
