import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the public log. Append-only: database triggers refuse UPDATE and DELETE. */
@Entity('public_events')
export class PublicEventEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** RFC 3339 UTC exactly as hashed. */
  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON text, exactly as hashed (canonical form). */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  data!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
