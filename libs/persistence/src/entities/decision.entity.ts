import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of a decision: a fold of its internal log (see `projectDecision` in libs/domain). */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 64 })
  unit!: string;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ type: 'boolean' })
  confidential!: boolean;

  @Column({ name: 'public_visible', type: 'boolean' })
  publicVisible!: boolean;

  @Column({ name: 'risk_assessment_required', type: 'boolean' })
  riskAssessmentRequired!: boolean;

  @Column({ type: 'varchar', length: 32 })
  stage!: string;

  /** JSON object of calendar dates. */
  @Column({ name: 'planned_dates', type: 'text' })
  plannedDates!: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 32 })
  registeredAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;

  @Column({ name: 'last_internal_seq', type: 'integer' })
  lastInternalSeq!: number;

  /** JSON list of due items (see DueItem in libs/domain). */
  @Column({ type: 'text' })
  due!: string;

  @Column({ name: 'next_due_at', type: 'varchar', length: 32, nullable: true })
  nextDueAt!: string | null;

  @Column({ type: 'boolean' })
  overdue!: boolean;

  @Column({ type: 'real', nullable: true })
  progress!: number | null;
}
