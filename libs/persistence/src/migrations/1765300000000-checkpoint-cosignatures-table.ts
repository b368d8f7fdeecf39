/**
 * Witness cosignatures of checkpoints (issue 19, ADR 61): one row per checkpoint and witness key (name and
 * key hash), its C2SP tlog-cosignature/v1 signature line as received, the time it states, when it was
 * received, and the request that brought it (Idempotency-Key and a hash of the submitted note).
 * Append-only like the checkpoints themselves. The same SQL on both dialects. Frozen once landed.
 */
export const CHECKPOINT_COSIGNATURES_TABLE = `CREATE TABLE checkpoint_cosignatures (
    tree_size integer NOT NULL REFERENCES checkpoints (tree_size),
    witness_name varchar(255) NOT NULL, key_hash varchar(8) NOT NULL,
    signature_line text NOT NULL, cosigned_at varchar(32) NOT NULL, received_at varchar(32) NOT NULL,
    idempotency_key varchar(128), request_hash varchar(64) NOT NULL,
    PRIMARY KEY (tree_size, witness_name, key_hash))`;

export const CHECKPOINT_COSIGNATURES_KEY_INDEX = `CREATE INDEX checkpoint_cosignatures_idempotency_key
    ON checkpoint_cosignatures (idempotency_key)`;
