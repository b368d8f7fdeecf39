import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One leaf of the transparency log's tree (ADR 54): a public log entry at its place. Append-only. */
@Entity('log_tree_leaves')
export class LogTreeLeafEntity {
  @PrimaryColumn({ name: 'leaf_index', type: 'integer' })
  leafIndex!: number;

  @Column({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** Hex of SHA-256(0x00 ‖ JCS of the entry's eight served fields). */
  @Column({ name: 'leaf_hash', type: 'varchar', length: 64 })
  leafHash!: string;
}

/** The hash of the complete subtree of 2^level leaves starting at leaf node_index × 2^level (level ≥ 1). */
@Entity('log_tree_nodes')
export class LogTreeNodeEntity {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'node_index', type: 'integer' })
  nodeIndex!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** A signed tree head (C2SP tlog-checkpoint), each consistent with the one before. Append-only. */
@Entity('checkpoints')
export class CheckpointEntity {
  @PrimaryColumn({ name: 'tree_size', type: 'integer' })
  treeSize!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** The whole signed note, as served. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;
}

/** A witness's cosignature of a checkpoint (ADR 61), one per checkpoint and witness key. Append-only. */
@Entity('checkpoint_cosignatures')
export class CheckpointCosignatureEntity {
  @PrimaryColumn({ name: 'tree_size', type: 'integer' })
  treeSize!: number;

  @PrimaryColumn({ name: 'witness_name', type: 'varchar', length: 255 })
  witnessName!: string;

  /** The key hash of the witness's cosigner key (type 0x04), 8 hex digits. */
  @PrimaryColumn({ name: 'key_hash', type: 'varchar', length: 8 })
  keyHash!: string;

  /** The C2SP signature line as received, with its newline: appended to the checkpoint note as served. */
  @Column({ name: 'signature_line', type: 'text' })
  signatureLine!: string;

  /** The time the cosignature states (ISO 8601); `received_at` is when the deployment stored it. */
  @Column({ name: 'cosigned_at', type: 'varchar', length: 32 })
  cosignedAt!: string;

  @Column({ name: 'received_at', type: 'varchar', length: 32 })
  receivedAt!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 hex of the submitted note: a key reused for another note is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;
}
