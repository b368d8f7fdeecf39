import type { DataSource } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { MailRecipientEntity, NotificationOutboxEntity } from '../entities/notification.entity';
import { inTransaction } from '../transaction';
import { enqueueMail, randomToken } from './enqueue';

export type FollowOutcome = 'confirmation-queued' | 'unknown-decision';

/**
 * Someone asks to follow a public decision (double opt-in, ADR 95): a pending recipient with a random
 * token and one confirmation message, in one transaction. An address already following (or pending)
 * changes nothing and queues nothing, and the answer is the same: the page never tells whether an
 * address follows. A decision that is unknown or not public is refused like a missing one.
 */
export async function followDecision(
  dataSource: DataSource,
  input: { decisionId: string; email: string; lang: 'zh-CN' | 'en' },
  now: Date,
): Promise<FollowOutcome> {
  const at = now.toISOString();
  return inTransaction(dataSource, async (manager) => {
    if (!(await manager.existsBy(DecisionEntity, { id: input.decisionId, publicVisible: true })))
      return 'unknown-decision';
    const email = input.email.trim();
    if (await manager.existsBy(MailRecipientEntity, { decisionId: input.decisionId, email }))
      return 'confirmation-queued';
    const id = randomToken();
    await manager.insert(MailRecipientEntity, {
      id,
      kind: 'follow',
      decisionId: input.decisionId,
      email,
      receipt: null,
      lang: input.lang,
      token: randomToken(),
      status: 'pending',
      createdAt: at,
      confirmedAt: null,
      unsubscribedAt: null,
    });
    await enqueueMail(
      manager,
      { key: `confirm:${id}`, recipientId: id, kind: 'confirm', decisionId: input.decisionId, seq: null },
      at,
    );
    return 'confirmation-queued';
  });
}

/** What a confirm or unsubscribe page may show about a token: never the address. */
export interface RecipientByToken {
  decisionId: string;
  kind: 'follow' | 'opinion';
  status: 'pending' | 'confirmed' | 'unsubscribed';
  lang: string;
}

export async function findRecipientByToken(
  dataSource: DataSource,
  token: string,
): Promise<RecipientByToken | undefined> {
  const row = await dataSource.manager.findOne(MailRecipientEntity, {
    where: { token },
    select: { decisionId: true, kind: true, status: true, lang: true },
  });
  return row ? { decisionId: row.decisionId, kind: row.kind, status: row.status, lang: row.lang } : undefined;
}

/** Confirms a pending follower (idempotent); an unsubscribed one stays unsubscribed. */
export async function confirmFollower(
  dataSource: DataSource,
  token: string,
  now: Date,
): Promise<RecipientByToken | undefined> {
  await inTransaction(dataSource, (manager) =>
    manager.update(
      MailRecipientEntity,
      { token, kind: 'follow', status: 'pending' },
      { status: 'confirmed', confirmedAt: now.toISOString() },
    ),
  );
  return findRecipientByToken(dataSource, token);
}

/**
 * Ends every message to the token's recipient (RFC 8058 one-click, or the page's button): idempotent.
 * A follower's address is erased at once; messages still queued for them are cancelled.
 */
export async function unsubscribe(
  dataSource: DataSource,
  token: string,
  now: Date,
): Promise<RecipientByToken | undefined> {
  await inTransaction(dataSource, async (manager) => {
    const row = await manager.findOneBy(MailRecipientEntity, { token });
    if (!row || row.status === 'unsubscribed') return;
    await manager.update(
      MailRecipientEntity,
      { id: row.id },
      { status: 'unsubscribed', email: null, unsubscribedAt: now.toISOString() },
    );
    await manager.update(NotificationOutboxEntity, { recipientId: row.id, status: 'queued' }, { status: 'cancelled' });
  });
  return findRecipientByToken(dataSource, token);
}
