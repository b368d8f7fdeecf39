import type { DataSource } from 'typeorm';
import { InternalEventEntity } from './entities/internal-event.entity';

/** One step of a decision's internal log as staff see it: who (account), what, when, with its data. */
export interface HistoryEntry {
  seq: number;
  type: string;
  occurredAt: string;
  actor: { username?: string; unit?: string; role?: string };
  data: Record<string, unknown>;
}

/** The latest `limit` steps of a decision's internal log, newest first (staff only: it names accounts). */
export async function listDecisionHistory(
  dataSource: DataSource,
  decisionId: string,
  limit: number,
): Promise<HistoryEntry[]> {
  const rows = await dataSource.manager.find(InternalEventEntity, {
    where: { decisionId },
    order: { seq: 'DESC' },
    take: limit,
  });
  return rows.map((row) => ({
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurredAt,
    actor: JSON.parse(row.actor) as HistoryEntry['actor'],
    data: JSON.parse(row.data) as Record<string, unknown>,
  }));
}

/** The audit findings of a decision by id, with their text (the internal log's AuditFindingPublished). */
export async function findingTexts(dataSource: DataSource, decisionId: string): Promise<Map<string, string>> {
  const rows = await dataSource.manager.find(InternalEventEntity, {
    select: { data: true },
    where: { decisionId, type: 'AuditFindingPublished' },
    order: { seq: 'ASC' },
  });
  const texts = new Map<string, string>();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { findingId?: unknown; finding?: unknown };
    if (typeof data.findingId === 'string' && typeof data.finding === 'string') texts.set(data.findingId, data.finding);
  }
  return texts;
}
