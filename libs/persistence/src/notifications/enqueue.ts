import { randomBytes } from 'node:crypto';
import { IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { MailRecipientEntity, NotificationOutboxEntity } from '../entities/notification.entity';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';

/** The domain part of every Message-ID this deployment sends. */
const MESSAGE_ID_DOMAIN = 'open-decision.invalid';

/** A random identifier or token: 24 bytes of base64url (32 characters). */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Queues one message unless its key is queued already (a retried transaction, or an event seen twice):
 * the key is the exactly-once unit of the outbox (ADR 94). The Message-ID is fixed here, so every
 * attempt at sending it carries the same one.
 */
export async function enqueueMail(
  manager: EntityManager,
  row: Pick<NotificationOutboxEntity, 'key' | 'recipientId' | 'kind' | 'decisionId' | 'seq'>,
  now: string,
): Promise<void> {
  if (await manager.existsBy(NotificationOutboxEntity, { key: row.key })) return;
  await manager.insert(NotificationOutboxEntity, {
    ...row,
    status: 'queued',
    messageId: `<${randomToken()}@${MESSAGE_ID_DOMAIN}>`,
    attempts: 0,
    queuedAt: now,
    claimedAt: null,
    sentAt: null,
    lastError: null,
  });
}

/**
 * Each new public log entry of a decision is one message to each of its confirmed followers, queued
 * in the append's own transaction: no entry is stored without its messages, none queued without it.
 */
export async function enqueueStepMails(
  manager: EntityManager,
  decisionId: string,
  entries: ReadonlyArray<{ seq: number; occurredAt: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  const followers = await manager.find(MailRecipientEntity, {
    where: { decisionId, kind: 'follow', status: 'confirmed' },
    select: { id: true },
  });
  for (const { id } of followers)
    for (const { seq, occurredAt } of entries)
      await enqueueMail(
        manager,
        { key: `step:${id}:${seq}`, recipientId: id, kind: 'step', decisionId, seq },
        occurredAt,
      );
}

/** Opinions read per query while queuing answer mails. */
const PAGE = 500;

/**
 * When a round's feedback is published, every sender of an opinion of that round who gave an e-mail
 * address is queued one message (`answer:{recipient}:{round}`); the answer itself is read when the
 * message is sent. The sender becomes a recipient by receipt: the address is not copied out of the
 * opinion's contact. Called in the approval's append transaction.
 */
export async function enqueueAnswerMails(manager: EntityManager, decisionId: string, now: string): Promise<void> {
  const round = (await manager.findOneBy(ConsultationEntity, { decisionId }))?.round ?? 1;
  let after = '';
  for (;;) {
    const page = await manager.find(OpinionEntity, {
      where: { decisionId, phase: 'consultation', round, contact: Not(IsNull()), receipt: MoreThan(after) },
      select: { receipt: true, contact: true },
      order: { receipt: 'ASC' },
      take: PAGE,
    });
    if (page.length === 0) return;
    for (const opinion of page) {
      if (!emailOf(opinion.contact)) continue;
      const recipient = await answerRecipient(manager, decisionId, opinion.receipt, now);
      if (recipient.status === 'unsubscribed') continue;
      await enqueueMail(
        manager,
        { key: `answer:${recipient.id}:${round}`, recipientId: recipient.id, kind: 'answer', decisionId, seq: null },
        now,
      );
    }
    after = page[page.length - 1]!.receipt;
  }
}

async function answerRecipient(
  manager: EntityManager,
  decisionId: string,
  receipt: string,
  now: string,
): Promise<MailRecipientEntity> {
  const existing = await manager.findOneBy(MailRecipientEntity, { receipt });
  if (existing) return existing;
  const recipient: MailRecipientEntity = {
    id: randomToken(),
    kind: 'opinion',
    decisionId,
    email: null,
    receipt,
    lang: 'zh-CN',
    token: randomToken(),
    status: 'confirmed',
    createdAt: now,
    confirmedAt: now,
    unsubscribedAt: null,
  };
  await manager.insert(MailRecipientEntity, recipient);
  return recipient;
}

/** The e-mail address of an opinion's stored contact (JSON `{name, phone, email}`), if any. */
export function emailOf(contact: string | null): string | undefined {
  if (!contact) return undefined;
  try {
    const email = (JSON.parse(contact) as { email?: unknown }).email;
    return typeof email === 'string' && email.includes('@') ? email : undefined;
  } catch {
    return undefined;
  }
}
