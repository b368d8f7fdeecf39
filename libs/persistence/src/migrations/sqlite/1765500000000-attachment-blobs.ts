import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachmentBlobsTable } from '../1765500000000-attachment-blobs';

export class AttachmentBlobs1765500000000 implements MigrationInterface {
  name = 'AttachmentBlobs1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(attachmentBlobsTable('blob'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachment_blobs');
  }
}
