import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the internal (staff-only) log. Append-only like the public log. */
@Entity('internal_events')
export class InternalEventEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON: the acting account (id, username, unit, role). */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  data!: string;
}
