/**
 * The annual disclosure report (issue 18 item 6, ADR 0119). `disclosure_reports` holds one report per unit
 * and year: its status, author and reviewer (account ids), the numbers and words staff enter, and from its
 * submission on the frozen content (JSON, canonical) with its sha256; `disclosure_report_log` every step
 * of a report (who, when, what), append-only; `disclosure_remedies` the reconsiderations and lawsuits staff
 * record for Table 4 (no party names). The same SQL on both dialects. Frozen once landed.
 */
export const DISCLOSURE_REPORT_TABLES: readonly string[] = [
  `CREATE TABLE disclosure_reports (
    report_id varchar(96) PRIMARY KEY, unit varchar(64) NOT NULL, year integer NOT NULL,
    office_kind varchar(24) NOT NULL, due_date varchar(10) NOT NULL, status varchar(16) NOT NULL,
    author_id varchar(64), reviewer_id varchar(64), table2 text NOT NULL, narrative text NOT NULL,
    content text, content_sha256 varchar(64), published_at varchar(32), overdue_since varchar(10),
    updated_at varchar(32) NOT NULL, UNIQUE (unit, year))`,
  `CREATE TABLE disclosure_report_log (
    report_id varchar(96) NOT NULL REFERENCES disclosure_reports (report_id), seq integer NOT NULL,
    type varchar(32) NOT NULL, occurred_at varchar(32) NOT NULL, actor text NOT NULL, data text NOT NULL,
    PRIMARY KEY (report_id, seq))`,
  `CREATE TABLE disclosure_remedies (
    remedy_id varchar(64) PRIMARY KEY, unit varchar(64) NOT NULL, kind varchar(40) NOT NULL,
    filed_date varchar(10) NOT NULL, result varchar(16), decided_date varchar(10),
    created_at varchar(32) NOT NULL, updated_at varchar(32) NOT NULL)`,
  `CREATE INDEX disclosure_remedies_unit_filed ON disclosure_remedies (unit, filed_date)`,
];

export const DISCLOSURE_REPORT_APPEND_ONLY: readonly string[] = ['disclosure_report_log'];
