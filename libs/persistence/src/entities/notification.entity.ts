import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Someone who may be mailed about one decision (ADR 94): a follower (`kind` `follow`, with their
 * address until they unsubscribe) or an opinion's sender (`kind` `opinion`, by receipt: the address
 * stays in the opinion's staff-only contact). Never on a public surface, never logged.
 */
@Entity('mail_recipients')
export class MailRecipientEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'follow' | 'opinion';

  @Column({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  /** A follower's address; NULL for an opinion's sender and after unsubscribe. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  receipt!: string | null;

  /** `zh-CN` or `en`: the language of the page the follow form was sent from. */
  @Column({ type: 'varchar', length: 8 })
  lang!: string;

  /** Random; the confirm and unsubscribe links carry it. */
  @Column({ type: 'varchar', length: 64 })
  token!: string;

  /** `pending` (a follower before confirming), `confirmed`, `unsubscribed`. */
  @Column({ type: 'varchar', length: 16 })
  status!: 'pending' | 'confirmed' | 'unsubscribed';

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'confirmed_at', type: 'varchar', length: 32, nullable: true })
  confirmedAt!: string | null;

  @Column({ name: 'unsubscribed_at', type: 'varchar', length: 32, nullable: true })
  unsubscribedAt!: string | null;
}

/**
 * One message to send: one row per (recipient, event), keyed `confirm:{recipient}`,
 * `step:{recipient}:{seq}` or `answer:{recipient}:{round}`, so an event is queued once (ADR 94).
 * `queued` → `sending` (claimed, its Message-ID fixed) → `sent` | `failed` | `cancelled`.
 */
@Entity('notification_outbox')
export class NotificationOutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'recipient_id', type: 'varchar', length: 32 })
  recipientId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'confirm' | 'step' | 'answer';

  @Column({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  /** The public log entry of a `step` message. */
  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

  /** Fixed when queued: every attempt of this message carries the same Message-ID. */
  @Column({ name: 'message_id', type: 'varchar', length: 200 })
  messageId!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'queued_at', type: 'varchar', length: 32 })
  queuedAt!: string;

  @Column({ name: 'claimed_at', type: 'varchar', length: 32, nullable: true })
  claimedAt!: string | null;

  @Column({ name: 'sent_at', type: 'varchar', length: 32, nullable: true })
  sentAt!: string | null;

  /** The SMTP reply or error code of the last failed attempt: never an address. */
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;
}
