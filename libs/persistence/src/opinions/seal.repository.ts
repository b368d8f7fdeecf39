import type { ConsultationCounts } from '../../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';
import { inTransaction } from '../transaction';

async function countOpinions(
  manager: EntityManager,
  decisionId: string,
  round: number,
  closesAt: string,
): Promise<ConsultationCounts> {
  const rows: Array<{ status: string; reason: string | null; channel: string; n: string | number }> = await manager
    .createQueryBuilder(OpinionEntity, 'o')
    .select('o.status', 'status')
    .addSelect('o.withheld_reason', 'reason')
    .addSelect('o.channel', 'channel')
    .addSelect('COUNT(*)', 'n')
    .where('o.decision_id = :decisionId AND o.phase = :phase AND o.round = :round AND o.received_at < :closesAt', {
      decisionId,
      phase: 'consultation',
      round,
      closesAt,
    })
    .groupBy('o.status')
    .addGroupBy('o.withheld_reason')
    .addGroupBy('o.channel')
    .getRawMany();
  const counts: ConsultationCounts = { received: 0, published: 0, withheld: {}, byChannel: {} };
  for (const row of rows) {
    const n = Number(row.n);
    counts.received += n;
    counts.byChannel[row.channel] = (counts.byChannel[row.channel] ?? 0) + n;
    if (row.status === 'withheld')
      counts.withheld[row.reason ?? 'other'] = (counts.withheld[row.reason ?? 'other'] ?? 0) + n;
    else counts.published += n;
  }
  return counts;
}

/**
 * Seals a consultation exactly once: flips its window to `sealed` (nothing is accepted after this
 * commits; on PostgreSQL the update waits for intake transactions holding the row FOR SHARE), then
 * freezes the counts of every opinion received before the close time. A repeated call returns the
 * counts frozen the first time.
 */
export async function sealConsultation(
  dataSource: DataSource,
  decisionId: string,
  now: Date,
): Promise<ConsultationCounts> {
  return inTransaction(dataSource, async (manager) => {
    const window = await manager.findOneBy(ConsultationEntity, { decisionId });
    if (!window) return { received: 0, published: 0, withheld: {}, byChannel: {} };
    if (window.status === 'sealed' && window.counts) return JSON.parse(window.counts) as ConsultationCounts;
    await manager.update(
      ConsultationEntity,
      { decisionId },
      { status: 'sealed', sealedAt: window.sealedAt ?? now.toISOString() },
    );
    const counts = await countOpinions(manager, decisionId, window.round, window.closesAt);
    await manager.update(ConsultationEntity, { decisionId }, { counts: JSON.stringify(counts) });
    return counts;
  });
}

/**
 * Counts of the decision's current consultation round as they stand now (received, published, withheld
 * by reason, per channel), for pages showing an open consultation; null without a consultation. The
 * seal freezes the same counts into ConsultationClosed.
 */
export async function liveConsultationCounts(
  dataSource: DataSource,
  decisionId: string,
): Promise<ConsultationCounts | null> {
  const window = await dataSource.manager.findOneBy(ConsultationEntity, { decisionId });
  if (!window) return null;
  return countOpinions(dataSource.manager, decisionId, window.round, window.closesAt);
}
