/**
 * The attachment store in the database (issue 17 item 1, ADR 74): one row per distinct content, keyed by
 * the sha256 of its bytes. Only the content column's type differs between the dialects. Frozen once landed.
 */
export const attachmentBlobsTable = (contentType: 'bytea' | 'blob'): string =>
  `CREATE TABLE attachment_blobs (
    sha256 varchar(64) PRIMARY KEY, size integer NOT NULL, content ${contentType} NOT NULL,
    stored_at varchar(32) NOT NULL)`;
