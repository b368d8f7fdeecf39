import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPublicSearchTexts } from '../1765970000000-public-search-texts';

export class PublicSearchTexts1765970000000 implements MigrationInterface {
  name = 'PublicSearchTexts1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await createPublicSearchTexts(q, () => '?');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_search_texts`);
  }
}
