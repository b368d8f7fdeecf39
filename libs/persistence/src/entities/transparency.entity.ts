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
