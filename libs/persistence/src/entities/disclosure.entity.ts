import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A request's case as staff and the applicant's lookup read it: no personal data (ADR 0069). */
@Entity('disclosure_requests')
export class DisclosureRequestEntity {
  @PrimaryColumn({ name: 'request_id', type: 'varchar', length: 64 })
  requestId!: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  receipt!: string;

  @Column({ type: 'varchar', length: 64 })
  unit!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ name: 'applicant_kind', type: 'varchar', length: 32 })
  applicantKind!: string;

  @Column({ name: 'information_description', type: 'text' })
  informationDescription!: string;

  @Column({ name: 'delivery_form', type: 'varchar', length: 16 })
  deliveryForm!: string;

  @Column({ name: 'delivery_way', type: 'varchar', length: 16 })
  deliveryWay!: string;

  /** Shanghai date the request counts as received (art.31). */
  @Column({ name: 'received_date', type: 'varchar', length: 10 })
  receivedDate!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: string;

  @Column({ type: 'varchar', length: 48, nullable: true })
  outcome!: string | null;

  @Column({ name: 'closed_date', type: 'varchar', length: 10, nullable: true })
  closedDate!: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;
}

/** The applicant's identity and contact: personal data, never on a public surface (ADR 0068). */
@Entity('disclosure_applicants')
export class DisclosureApplicantEntity {
  @PrimaryColumn({ name: 'request_id', type: 'varchar', length: 64 })
  requestId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'id_document_type', type: 'varchar', length: 32 })
  idDocumentType!: string;

  @Column({ name: 'id_document_last_four', type: 'varchar', length: 8 })
  idDocumentLastFour!: string;

  /** SHA-256 of `pepper:TYPE:NUMBER`; the number itself is never stored. */
  @Column({ name: 'id_document_hash', type: 'varchar', length: 64 })
  idDocumentHash!: string;

  /** JSON: phone, e-mail, postal address. */
  @Column({ type: 'text' })
  contact!: string;
}

/** One step of a case, hash-chained per request. Append-only at database level. */
@Entity('disclosure_case_log')
export class DisclosureCaseLogEntity {
  @PrimaryColumn({ name: 'request_id', type: 'varchar', length: 64 })
  requestId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON (canonical form): the acting account, or the system. */
  @Column({ type: 'text' })
  actor!: string;

  /** JSON (canonical form): the case event, without the applicant's identity or contact. */
  @Column({ type: 'text' })
  data!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/**
 * How the applicant of an online request reaches it (ADR 0098): the lookup secret's hash, and for an
 * application sent with an Idempotency-Key what a retry needs to answer the same receipt and secret.
 */
@Entity('disclosure_access')
export class DisclosureAccessEntity {
  @PrimaryColumn({ name: 'request_id', type: 'varchar', length: 64 })
  requestId!: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ name: 'idempotency_key_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  idempotencyKeyHash!: string | null;

  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  /** base64url of IV ‖ AES-256-GCM ciphertext ‖ tag, under a key derived from the Idempotency-Key. */
  @Column({ name: 'sealed_secret', type: 'text', nullable: true })
  sealedSecret!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;
}
