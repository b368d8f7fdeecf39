/**
 * The applicant's access to an online request (issue 18, ADR 0098): `disclosure_access` holds, per request,
 * the hash of the lookup secret; for an application sent with an `Idempotency-Key`, the key's peppered hash,
 * the peppered hash of the request body and the secret sealed under the key (a retry answers the same
 * receipt and secret, and neither a copy of the database nor the pepper alone opens it). The same SQL on
 * both dialects. Frozen once landed.
 */
export const DISCLOSURE_ACCESS_TABLES: readonly string[] = [
  `CREATE TABLE disclosure_access (
    request_id varchar(64) PRIMARY KEY REFERENCES disclosure_requests (request_id),
    secret_hash varchar(64) NOT NULL, idempotency_key_hash varchar(64) UNIQUE, request_hash varchar(64),
    sealed_secret text, created_at varchar(32) NOT NULL)`,
];
