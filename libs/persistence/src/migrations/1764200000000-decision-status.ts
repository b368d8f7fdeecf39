/**
 * Read-model columns for what is due and overdue, the same SQL on both dialects. Frozen once landed.
 */
export const DECISION_STATUS_COLUMNS: readonly string[] = [
  `ALTER TABLE decisions ADD COLUMN due text NOT NULL DEFAULT '[]'`,
  `ALTER TABLE decisions ADD COLUMN next_due_at varchar(32)`,
  `ALTER TABLE decisions ADD COLUMN overdue boolean NOT NULL DEFAULT false`,
  `ALTER TABLE decisions ADD COLUMN progress real`,
  `CREATE INDEX decisions_overdue_next_due ON decisions (overdue, next_due_at)`,
];
