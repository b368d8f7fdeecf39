/**
 * The transparency log (issue 19, ADR 54): one Merkle tree over every public log entry, in append order.
 * `log_tree_leaves` holds each leaf (its index, its entry, its hash); `log_tree_nodes` the hash of every
 * complete subtree of two or more leaves, so that a root or a proof reads O(log n) rows; `checkpoints`
 * the signed tree heads. All three are append-only. The same SQL on both dialects. Frozen once landed.
 */
export const TRANSPARENCY_TABLES: readonly string[] = [
  `CREATE TABLE log_tree_leaves (
    leaf_index integer PRIMARY KEY, decision_id varchar(64) NOT NULL, seq integer NOT NULL,
    leaf_hash varchar(64) NOT NULL,
    UNIQUE (decision_id, seq))`,
  `CREATE TABLE log_tree_nodes (
    level integer NOT NULL, node_index integer NOT NULL, hash varchar(64) NOT NULL,
    PRIMARY KEY (level, node_index))`,
  `CREATE TABLE checkpoints (
    tree_size integer PRIMARY KEY, root_hash varchar(64) NOT NULL, note text NOT NULL,
    created_at varchar(32) NOT NULL)`,
];

export const TRANSPARENCY_APPEND_ONLY: readonly string[] = ['log_tree_leaves', 'log_tree_nodes', 'checkpoints'];
