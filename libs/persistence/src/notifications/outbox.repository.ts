import { type DataSource, In, IsNull, LessThan, type FindOptionsWhere } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { MailRecipientEntity, NotificationOutboxEntity } from '../entities/notification.entity';
import { OpinionEntity } from '../entities/opinion.entity';
import { PublicEventEntity } from '../entities/public-event.entity';
import { lookupReceipt, type ReceiptAnswer } from '../opinions/public-feedback.repository';
import { inTransaction } from '../transaction';
import { emailOf } from './enqueue';

/** Everything needed to write one message; `to` is the only personal datum and is never logged. */
export interface OutgoingMail {
  key: string;
  messageId: string;
  kind: 'confirm' | 'step' | 'answer';
  to: string;
  lang: 'zh-CN' | 'en';
  token: string;
  decision: { id: string; title: string };
  step?: { seq: number; type: string; occurredAt: string };
  answer?: { receipt: string; answer: ReceiptAnswer };
}

/**
 * Claims up to `limit` messages to send: queued ones, and ones claimed (`sending`) longer than
 * `leaseMs` ago whose sender died with the outcome unknown. A claim is a conditional update on the
 * status and claim time seen, so two drains never claim one message (ADR 94). Oldest first.
 */
export async function claimMail(dataSource: DataSource, limit: number, now: Date, leaseMs: number): Promise<string[]> {
  const stale = new Date(now.getTime() - leaseMs).toISOString();
  const due = await dataSource.manager.find(NotificationOutboxEntity, {
    where: [{ status: 'queued' }, { status: 'sending', claimedAt: LessThan(stale) }],
    select: { key: true, status: true, claimedAt: true },
    order: { queuedAt: 'ASC', key: 'ASC' },
    take: limit,
  });
  const claimed: string[] = [];
  for (const row of due) {
    const seen: FindOptionsWhere<NotificationOutboxEntity> = {
      key: row.key,
      status: row.status,
      claimedAt: row.claimedAt ?? IsNull(),
    };
    const result = await inTransaction(dataSource, async (manager) => {
      const outcome = await manager.update(NotificationOutboxEntity, seen, {
        status: 'sending',
        claimedAt: now.toISOString(),
      });
      if (outcome.affected) await manager.increment(NotificationOutboxEntity, { key: row.key }, 'attempts', 1);
      return outcome.affected ?? 0;
    });
    if (result > 0) claimed.push(row.key);
  }
  return claimed;
}

/**
 * The message of a claimed outbox row, or the reason it is not sent any more: the recipient
 * unsubscribed (or never confirmed), the decision is no longer public, or the opinion has no answer.
 */
export async function loadMail(
  dataSource: DataSource,
  key: string,
): Promise<{ mail: OutgoingMail } | { cancelled: string }> {
  const manager = dataSource.manager;
  const row = await manager.findOneByOrFail(NotificationOutboxEntity, { key });
  const recipient = await manager.findOneBy(MailRecipientEntity, { id: row.recipientId });
  if (!recipient || recipient.status === 'unsubscribed') return { cancelled: 'unsubscribed' };
  if (row.kind !== 'confirm' && recipient.status !== 'confirmed') return { cancelled: 'not confirmed' };
  const decision = await manager.findOneBy(DecisionEntity, { id: row.decisionId, publicVisible: true });
  if (!decision) return { cancelled: 'decision not public' };
  const to = recipient.kind === 'follow' ? recipient.email : await opinionEmail(dataSource, recipient.receipt);
  if (!to) return { cancelled: 'no address' };
  const mail: OutgoingMail = {
    key,
    messageId: row.messageId,
    kind: row.kind,
    to,
    lang: recipient.lang === 'en' ? 'en' : 'zh-CN',
    token: recipient.token,
    decision: { id: decision.id, title: decision.title },
  };
  if (row.kind === 'step') {
    const entry = await manager.findOneBy(PublicEventEntity, { decisionId: row.decisionId, seq: row.seq ?? -1 });
    if (!entry) return { cancelled: 'no entry' };
    mail.step = { seq: entry.seq, type: entry.type, occurredAt: entry.occurredAt };
  }
  if (row.kind === 'answer') {
    const view = recipient.receipt ? await lookupReceipt(dataSource, recipient.receipt) : undefined;
    if (!view?.answer) return { cancelled: 'no answer' };
    mail.answer = { receipt: view.receipt, answer: view.answer };
  }
  return { mail };
}

async function opinionEmail(dataSource: DataSource, receipt: string | null): Promise<string | undefined> {
  if (!receipt) return undefined;
  const opinion = await dataSource.manager.findOne(OpinionEntity, { where: { receipt }, select: { contact: true } });
  return emailOf(opinion?.contact ?? null);
}

export type MailOutcome =
  | { status: 'sent' }
  | { status: 'cancelled'; reason: string }
  | { status: 'failed'; error: string }
  /** Known not to have reached the server: queued again. */
  | { status: 'released'; error: string }
  /** Unknown whether the server took it: stays claimed and is sent again, same Message-ID, after the lease. */
  | { status: 'unknown'; error: string };

/** Records what became of a claimed message. Only a `sending` row is changed. */
export async function settleMail(dataSource: DataSource, key: string, outcome: MailOutcome, now: Date): Promise<void> {
  const at = now.toISOString();
  const change: Partial<NotificationOutboxEntity> =
    outcome.status === 'sent'
      ? { status: 'sent', sentAt: at, lastError: null }
      : outcome.status === 'cancelled'
        ? { status: 'cancelled', lastError: outcome.reason.slice(0, 200) }
        : outcome.status === 'failed'
          ? { status: 'failed', lastError: outcome.error.slice(0, 200) }
          : outcome.status === 'released'
            ? { status: 'queued', claimedAt: null, lastError: outcome.error.slice(0, 200) }
            : { lastError: outcome.error.slice(0, 200) };
  await inTransaction(dataSource, (manager) =>
    manager.update(NotificationOutboxEntity, { key, status: 'sending' }, change),
  );
}

/** How many messages wait: queued, or claimed and not settled. */
export function countPendingMail(dataSource: DataSource): Promise<number> {
  return dataSource.manager.countBy(NotificationOutboxEntity, { status: In(['queued', 'sending']) });
}
