/**
 * Tables of the first migration, the same SQL on SQLite and PostgreSQL. Each dialect's migration adds
 * its own append-only triggers. Frozen: never edit after it landed; add a new migration instead.
 */
export const INITIAL_TABLES: readonly string[] = [
  `CREATE TABLE units (id varchar(64) PRIMARY KEY, name text NOT NULL, name_en text NOT NULL)`,
  `CREATE TABLE accounts (
    id varchar(64) PRIMARY KEY, username varchar(64) NOT NULL UNIQUE, password_hash text NOT NULL,
    unit_id varchar(64) NOT NULL REFERENCES units(id), role varchar(16) NOT NULL,
    created_at varchar(32) NOT NULL, disabled boolean NOT NULL DEFAULT false)`,
  `CREATE TABLE decisions (
    id varchar(64) PRIMARY KEY, title text NOT NULL, summary text NOT NULL, unit varchar(64) NOT NULL,
    category varchar(64) NOT NULL, confidential boolean NOT NULL, public_visible boolean NOT NULL,
    risk_assessment_required boolean NOT NULL, stage varchar(32) NOT NULL, planned_dates text NOT NULL,
    registered_at varchar(32) NOT NULL, updated_at varchar(32) NOT NULL, last_internal_seq integer NOT NULL)`,
  `CREATE INDEX decisions_stage_unit ON decisions (stage, unit)`,
  `CREATE INDEX decisions_public_registered ON decisions (public_visible, registered_at)`,
  `CREATE TABLE public_events (
    decision_id varchar(64) NOT NULL, seq integer NOT NULL CHECK (seq > 0), type varchar(64) NOT NULL,
    occurred_at varchar(32) NOT NULL, actor text NOT NULL, data text NOT NULL,
    prev_hash varchar(64) NOT NULL, hash varchar(64) NOT NULL, PRIMARY KEY (decision_id, seq))`,
  `CREATE TABLE internal_events (
    decision_id varchar(64) NOT NULL, seq integer NOT NULL CHECK (seq > 0), type varchar(64) NOT NULL,
    occurred_at varchar(32) NOT NULL, actor text NOT NULL, data text NOT NULL, PRIMARY KEY (decision_id, seq))`,
];

/** Log tables whose rows may never change or go away. */
export const APPEND_ONLY_TABLES: readonly string[] = ['public_events', 'internal_events'];
