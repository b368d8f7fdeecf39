/**
 * On-request disclosure (issue 18, ADR 0069). `disclosure_requests` holds each request's case as staff
 * and the applicant's lookup read it (no personal data); `disclosure_applicants` the applicant's identity
 * and contact, apart so that no query of a request touches them by accident, the identity document only
 * as its last four characters and a peppered hash (ADR 0068); `disclosure_case_log` every step of a case,
 * hash-chained per request and append-only. The same SQL on both dialects. Frozen once landed.
 */
export const DISCLOSURE_TABLES: readonly string[] = [
  `CREATE TABLE disclosure_requests (
    request_id varchar(64) PRIMARY KEY, receipt varchar(32) NOT NULL UNIQUE, unit varchar(64) NOT NULL,
    channel varchar(32) NOT NULL, applicant_kind varchar(32) NOT NULL, information_description text NOT NULL,
    delivery_form varchar(16) NOT NULL, delivery_way varchar(16) NOT NULL, received_date varchar(10) NOT NULL,
    stage varchar(16) NOT NULL, outcome varchar(48), closed_date varchar(10), updated_at varchar(32) NOT NULL)`,
  `CREATE INDEX disclosure_requests_unit_received ON disclosure_requests (unit, received_date)`,
  `CREATE TABLE disclosure_applicants (
    request_id varchar(64) PRIMARY KEY REFERENCES disclosure_requests (request_id), name text NOT NULL,
    id_document_type varchar(32) NOT NULL, id_document_last_four varchar(8) NOT NULL,
    id_document_hash varchar(64) NOT NULL, contact text NOT NULL)`,
  `CREATE INDEX disclosure_applicants_document ON disclosure_applicants (id_document_hash)`,
  `CREATE TABLE disclosure_case_log (
    request_id varchar(64) NOT NULL REFERENCES disclosure_requests (request_id), seq integer NOT NULL,
    type varchar(64) NOT NULL, occurred_at varchar(32) NOT NULL, actor text NOT NULL, data text NOT NULL,
    prev_hash varchar(64) NOT NULL, hash varchar(64) NOT NULL,
    PRIMARY KEY (request_id, seq))`,
];

export const DISCLOSURE_APPEND_ONLY: readonly string[] = ['disclosure_case_log'];
