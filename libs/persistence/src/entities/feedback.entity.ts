import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A group of similar opinions of one consultation round (SPEC.md §3.4); staff may merge, split, relabel. */
@Entity('opinion_clusters')
export class OpinionClusterEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @PrimaryColumn({ name: 'cluster_id', type: 'varchar', length: 32 })
  clusterId!: string;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  /** `auto` (clustering), `merge` or `split` (staff). */
  @Column({ type: 'varchar', length: 16 })
  origin!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** The receipt of the opinion that stands for the cluster. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  representative!: string | null;

  /** `support`, `oppose`, `mixed` or `none` (issue 16): set by clustering, corrected by staff. */
  @Column({ type: 'varchar', length: 8, default: 'none' })
  stance!: string;

  /** `opinions`, or `placeholder`: the round's opinions that say nothing themselves (never concentrated). */
  @Column({ type: 'varchar', length: 16, default: 'opinions' })
  kind!: string;

  /** When staff confirmed (or edited) the label (ADR 77); null: unconfirmed, never shown to the public. */
  @Column({ name: 'label_confirmed_at', type: 'varchar', length: 32, nullable: true })
  labelConfirmedAt!: string | null;

  /** JSON array of the cluster's salient terms. */
  @Column({ type: 'text', nullable: true })
  keywords!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}

/** The answer to a cluster or to one opinion; frozen once the feedback report is published. */
@Entity('opinion_answers')
export class OpinionAnswerEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  /** `cluster` or `opinion`. */
  @PrimaryColumn({ name: 'target_kind', type: 'varchar', length: 8 })
  targetKind!: string;

  /** A cluster id or a receipt. */
  @PrimaryColumn({ name: 'target_id', type: 'varchar', length: 32 })
  targetId!: string;

  /** `adopted` | `partially_adopted` | `not_adopted` | `not_applicable`. */
  @Column({ type: 'varchar', length: 24 })
  verdict!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  @Column({ name: 'answered_at', type: 'varchar', length: 32 })
  answeredAt!: string;

  /** JSON {unit, role}: never a staff member's personal data. */
  @Column({ name: 'answered_by', type: 'text' })
  answeredBy!: string;
}

/** A unit's reusable answer. */
@Entity('answer_templates')
export class AnswerTemplateEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'varchar', length: 64 })
  unitId!: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 24 })
  verdict!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;
}

/** Append-only record of the feedback work: clustering runs, merges, splits, relabels, answers. */
@Entity('feedback_work_log')
export class FeedbackWorkLogEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON (canonical form): {accountId, unit, role} of the staff member, or the system. Internal only. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** JSON (canonical form). */
  @Column({ type: 'text' })
  data!: string;
}
