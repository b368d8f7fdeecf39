import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current arrangement of one year (ADR 23). Seeded from chinese-days 1.5.7; replaced by changes. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** JSON list of `YYYY-MM-DD`. */
  @Column({ type: 'text' })
  holidays!: string;

  /** JSON list of `YYYY-MM-DD`: make-up working days (调休). */
  @Column({ type: 'text' })
  workdays!: string;

  @Column({ type: 'text' })
  source!: string;

  /** The calendar version that last changed the year (0: the seed). */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}

/** One change an administrator made (append-only: database triggers refuse UPDATE and DELETE). */
@Entity('calendar_changes')
export class CalendarChangeEntity {
  /** The calendar version this change created: 1, 2, 3, … */
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  holidays!: string;

  @Column({ type: 'text' })
  workdays!: string;

  @Column({ name: 'source_reference', type: 'text' })
  sourceReference!: string;

  @Column({ name: 'source_date', type: 'varchar', length: 10 })
  sourceDate!: string;

  /** JSON (canonical form): {accountId, username, unit, role}. Only unit and role are ever shown publicly. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;
}
