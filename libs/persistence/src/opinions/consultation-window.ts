import { deidentify, receiptFrom, RECEIPT_SYMBOLS, type InternalEventDraft } from '../../../domain/src';
import { createHash } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';
import { enqueueAnswerMails } from '../notifications/enqueue';

/**
 * Keeps the consultation window that opinion intake checks, and the moderation status of opinions, in
 * step with the log, in the append transaction: opened, extended, withheld, closed, feedback published
 * (seen as the approval of a feedback review, whose step appends FeedbackPublished; it also queues the
 * answer mails, ADR 94). Idempotent.
 */
export async function projectConsultation(
  manager: EntityManager,
  decisionId: string,
  event: InternalEventDraft,
): Promise<void> {
  const data = event.data;
  if (event.type === 'ConsultationOpened') {
    const window = {
      status: 'open',
      opensAt: String(data['opensAt']),
      closesAt: String(data['closesAt']),
      sealedAt: null,
      counts: null,
    };
    const existing = await manager.findOneBy(ConsultationEntity, { decisionId });
    if (!existing) {
      await manager.insert(ConsultationEntity, {
        decisionId,
        ...window,
        round: 1,
        clusteredAt: null,
        feedbackPublishedAt: null,
      });
    } else if (existing.status === 'sealed') {
      // A major adjustment re-runs the consultation (art.37): the next round opens in the same row.
      await manager.update(
        ConsultationEntity,
        { decisionId },
        { ...window, round: existing.round + 1, clusteredAt: null, feedbackPublishedAt: null },
      );
    }
  } else if (event.type === 'ConsultationExtended') {
    await manager.update(ConsultationEntity, { decisionId, status: 'open' }, { closesAt: String(data['closesAt']) });
  } else if ((event.type === 'ChannelRecorded' || event.type === 'HearingHeld') && Array.isArray(data['opinions'])) {
    await storeChannelOpinions(
      manager,
      decisionId,
      event,
      data['opinions'] as Array<{ text: string; section: string | null }>,
    );
  } else if (event.type === 'OpinionWithheld') {
    await manager.update(
      OpinionEntity,
      { decisionId, receipt: String(data['receipt']) },
      { status: 'withheld', withheldReason: String(data['reason']) },
    );
  } else if (event.type === 'ConsultationClosed') {
    await manager.update(
      ConsultationEntity,
      { decisionId, status: 'open' },
      { status: 'sealed', sealedAt: event.occurredAt },
    );
  } else if (event.type === 'PublicationApproved' && data['kind'] === 'feedback') {
    // The approval appends FeedbackPublished in this same step: the round's answers are frozen from now on.
    await manager.update(
      ConsultationEntity,
      { decisionId, feedbackPublishedAt: IsNull() },
      { feedbackPublishedAt: event.occurredAt },
    );
    await enqueueAnswerMails(manager, decisionId, event.occurredAt);
  }
}

/** A receipt derived from the log position, so that a retried append inserts the same rows. */
function channelReceipt(decisionId: string, seq: number, index: number): string {
  const digest = createHash('sha256').update(`${decisionId}:${seq}:${index}`).digest();
  return receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, (_, i) => digest[i]!));
}

/** Opinions from an offline channel join the pool with their channel, de-identified like online ones. */
async function storeChannelOpinions(
  manager: EntityManager,
  decisionId: string,
  event: InternalEventDraft,
  opinions: Array<{ text: string; section: string | null }>,
): Promise<void> {
  const channel = String(event.data['channel']);
  const round = (await manager.findOneBy(ConsultationEntity, { decisionId }))?.round ?? 1;
  for (const [index, opinion] of opinions.entries()) {
    const receipt = channelReceipt(decisionId, event.seq, index);
    if (await manager.existsBy(OpinionEntity, { receipt })) continue;
    await manager.insert(OpinionEntity, {
      receipt,
      decisionId,
      phase: 'consultation',
      channel,
      section: opinion.section,
      textRaw: opinion.text,
      textPublic: deidentify(opinion.text).text,
      contact: null,
      idempotencyKey: null,
      requestHash: receipt,
      receivedAt: event.occurredAt,
      status: 'published',
      withheldReason: null,
      round,
      clusterId: null,
    });
  }
}
