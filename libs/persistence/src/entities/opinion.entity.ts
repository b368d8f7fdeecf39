import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The window in which a decision's consultation accepts opinions; projected from its log. */
@Entity('consultations')
export class ConsultationEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  /** `open` until the seal, then `sealed` (nothing accepted after it). */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'opens_at', type: 'varchar', length: 32 })
  opensAt!: string;

  @Column({ name: 'closes_at', type: 'varchar', length: 32 })
  closesAt!: string;

  @Column({ name: 'sealed_at', type: 'varchar', length: 32, nullable: true })
  sealedAt!: string | null;

  /** JSON: the frozen counts of the seal. */
  @Column({ type: 'text', nullable: true })
  counts!: string | null;

  /** 1 for the first consultation; each re-run after a major adjustment (art.37) starts the next. */
  @Column({ type: 'integer', default: 1 })
  round!: number;

  /** When the opinions of the current round were last clustered; NULL before. */
  @Column({ name: 'clustered_at', type: 'varchar', length: 32, nullable: true })
  clusteredAt!: string | null;

  /** When FeedbackPublished was appended for the current round; answers are frozen from then on. */
  @Column({ name: 'feedback_published_at', type: 'varchar', length: 32, nullable: true })
  feedbackPublishedAt!: string | null;
}

/** One opinion. `textRaw` and `contact` are staff-only; public surfaces read `textPublic` only. */
@Entity('opinions')
export class OpinionEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  receipt!: string;

  @Column({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @Column({ type: 'varchar', length: 16 })
  phase!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  section!: string | null;

  @Column({ name: 'text_raw', type: 'text' })
  textRaw!: string;

  @Column({ name: 'text_public', type: 'text' })
  textPublic!: string;

  /** JSON {name, phone, email} or null. */
  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'received_at', type: 'varchar', length: 32 })
  receivedAt!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'withheld_reason', type: 'varchar', length: 32, nullable: true })
  withheldReason!: string | null;

  /** The consultation round it was received in; 0 for the standing execution-stage channel. */
  @Column({ type: 'integer', default: 1 })
  round!: number;

  @Column({ name: 'cluster_id', type: 'varchar', length: 32, nullable: true })
  clusterId!: string | null;
}
