import type { InternalEventDraft } from '../../../domain/src';
import type { EntityManager } from 'typeorm';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';

/**
 * Keeps the consultation window that opinion intake checks, and the moderation status of opinions, in
 * step with the log, in the append transaction: opened, extended, withheld, closed. Idempotent.
 */
export async function projectConsultation(manager: EntityManager, decisionId: string, event: InternalEventDraft): Promise<void> {
  const data = event.data;
  if (event.type === 'ConsultationOpened') {
    if (await manager.existsBy(ConsultationEntity, { decisionId })) return;
    await manager.insert(ConsultationEntity, {
      decisionId,
      status: 'open',
      opensAt: String(data['opensAt']),
      closesAt: String(data['closesAt']),
      sealedAt: null,
      counts: null,
    });
  } else if (event.type === 'ConsultationExtended') {
    await manager.update(ConsultationEntity, { decisionId, status: 'open' }, { closesAt: String(data['closesAt']) });
  } else if (event.type === 'OpinionWithheld') {
    await manager.update(OpinionEntity, { decisionId, receipt: String(data['receipt']) }, { status: 'withheld', withheldReason: String(data['reason']) });
  } else if (event.type === 'ConsultationClosed') {
    await manager.update(ConsultationEntity, { decisionId, status: 'open' }, { status: 'sealed', sealedAt: event.occurredAt });
  }
}
