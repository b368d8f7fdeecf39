/**
 * Opinions and the consultation window they are accepted in; the same SQL on both dialects. Frozen
 * once landed. Opinions are a record too, but moderation changes their status, so they are not
 * append-only; their text never changes (the update trigger of each dialect's migration guards it).
 */
export const OPINION_TABLES: readonly string[] = [
  `CREATE TABLE consultations (
    decision_id varchar(64) PRIMARY KEY, status varchar(16) NOT NULL, opens_at varchar(32) NOT NULL,
    closes_at varchar(32) NOT NULL, sealed_at varchar(32), counts text)`,
  `CREATE TABLE opinions (
    receipt varchar(24) PRIMARY KEY, decision_id varchar(64) NOT NULL, phase varchar(16) NOT NULL,
    channel varchar(16) NOT NULL, section varchar(200), text_raw text NOT NULL, text_public text NOT NULL,
    contact text, idempotency_key varchar(128), request_hash varchar(64) NOT NULL,
    received_at varchar(32) NOT NULL, status varchar(16) NOT NULL, withheld_reason varchar(32))`,
  `CREATE UNIQUE INDEX opinions_idempotency ON opinions (decision_id, idempotency_key)`,
  `CREATE INDEX opinions_decision_received ON opinions (decision_id, received_at)`,
];
