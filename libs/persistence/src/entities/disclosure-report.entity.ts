import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One annual report of a unit and year (ADR 0119): no personal data, account ids only. */
@Entity('disclosure_reports')
export class DisclosureReportEntity {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 96 })
  reportId!: string;

  @Column({ type: 'varchar', length: 64 })
  unit!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'office_kind', type: 'varchar', length: 24 })
  officeKind!: string;

  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 64, nullable: true })
  authorId!: string | null;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 64, nullable: true })
  reviewerId!: string | null;

  /** JSON: Table 2 as staff entered it. */
  @Column({ type: 'text' })
  table2!: string;

  /** JSON: the narrative sections. */
  @Column({ type: 'text' })
  narrative!: string;

  /** JSON (canonical): the content frozen at submission, what the review sees and the publication hashes. */
  @Column({ type: 'text', nullable: true })
  content!: string | null;

  @Column({ name: 'content_sha256', type: 'varchar', length: 64, nullable: true })
  contentSha256!: string | null;

  @Column({ name: 'published_at', type: 'varchar', length: 32, nullable: true })
  publishedAt!: string | null;

  /** The Shanghai date the overdue step was recorded (the report's workflow, once). */
  @Column({ name: 'overdue_since', type: 'varchar', length: 10, nullable: true })
  overdueSince!: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}

/** One step of a report: who did what when. Append-only at database level. */
@Entity('disclosure_report_log')
export class DisclosureReportLogEntity {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 96 })
  reportId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  data!: string;
}

/** A reconsideration or lawsuit about a unit's OGI work, for Table 4 (no party names). */
@Entity('disclosure_remedies')
export class DisclosureRemedyEntity {
  @PrimaryColumn({ name: 'remedy_id', type: 'varchar', length: 64 })
  remedyId!: string;

  @Column({ type: 'varchar', length: 64 })
  unit!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'filed_date', type: 'varchar', length: 10 })
  filedDate!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  result!: string | null;

  @Column({ name: 'decided_date', type: 'varchar', length: 10, nullable: true })
  decidedDate!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}
