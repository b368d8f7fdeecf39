/**
 * E-mail notifications (issue 17 item 3, ADR 94): who may be mailed (`mail_recipients`: a decision's
 * follower with their address, or an opinion's sender by receipt, whose address stays in the opinion's
 * contact) and what is to be sent (`notification_outbox`: one row per recipient and event, its key
 * unique). Neither is a log: a follower's address is erased at unsubscribe, an outbox row moves from
 * queued to sent. The same SQL runs on both dialects. Frozen once landed.
 */
export const NOTIFICATION_TABLES: readonly string[] = [
  `CREATE TABLE mail_recipients (
    id varchar(32) PRIMARY KEY, kind varchar(16) NOT NULL, decision_id varchar(64) NOT NULL,
    email varchar(254), receipt varchar(24), lang varchar(8) NOT NULL, token varchar(64) NOT NULL,
    status varchar(16) NOT NULL, created_at varchar(32) NOT NULL, confirmed_at varchar(32),
    unsubscribed_at varchar(32))`,
  'CREATE UNIQUE INDEX mail_recipients_token ON mail_recipients (token)',
  'CREATE UNIQUE INDEX mail_recipients_receipt ON mail_recipients (receipt)',
  'CREATE UNIQUE INDEX mail_recipients_follower ON mail_recipients (decision_id, email)',
  'CREATE INDEX mail_recipients_decision ON mail_recipients (decision_id, status)',
  `CREATE TABLE notification_outbox (
    key varchar(200) PRIMARY KEY, recipient_id varchar(32) NOT NULL, kind varchar(16) NOT NULL,
    decision_id varchar(64) NOT NULL, seq integer, status varchar(16) NOT NULL,
    message_id varchar(200) NOT NULL, attempts integer NOT NULL DEFAULT 0, queued_at varchar(32) NOT NULL,
    claimed_at varchar(32), sent_at varchar(32), last_error varchar(200))`,
  'CREATE INDEX notification_outbox_pending ON notification_outbox (status, queued_at)',
];
