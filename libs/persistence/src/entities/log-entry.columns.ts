import { Column, PrimaryColumn } from 'typeorm';

/** Columns shared by both logs: one row per (decision, seq), JSON stored as the canonical text. */
export abstract class LogEntryColumns {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** RFC 3339 UTC, exactly as hashed. */
  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON (canonical form): public log — unit and role; internal log — the acting account. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  data!: string;
}
