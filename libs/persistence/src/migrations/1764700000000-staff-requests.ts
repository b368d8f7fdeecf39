/**
 * One row per staff request sent with an `Idempotency-Key` (issue 12): `request_key` is the key scoped
 * by the account (`<account>:<key>`, unique), `request_hash` the hash of what was asked (method, path,
 * body), `applied` and `written` (the write transaction's own result) set in that transaction, `response` the JSON of the original
 * answer once it is known. The same SQL on both dialects. Frozen once landed.
 */
export const STAFF_REQUESTS_TABLE: readonly string[] = [
  `CREATE TABLE staff_requests (
    request_key VARCHAR(300) NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64) NOT NULL,
    reserved VARCHAR(64),
    applied SMALLINT NOT NULL DEFAULT 0,
    written TEXT,
    response TEXT,
    created_at VARCHAR(30) NOT NULL
  )`,
];
