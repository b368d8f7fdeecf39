import type { InternalEventDraft } from '../../../domain/src';
import type { EntityManager } from 'typeorm';
import { ConsultationEntity } from '../entities/opinion.entity';

/**
 * Keeps the consultation window that opinion intake checks in step with the log, in the append
 * transaction: opened, extended, closed. Idempotent (a replayed event changes nothing).
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
  } else if (event.type === 'ConsultationClosed') {
    await manager.update(ConsultationEntity, { decisionId, status: 'open' }, { status: 'sealed', sealedAt: event.occurredAt });
  }
}
