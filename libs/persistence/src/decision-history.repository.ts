import { In, type DataSource } from 'typeorm';
import { InternalEventEntity } from './entities/internal-event.entity';
import { PublicEventEntity } from './entities/public-event.entity';

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

/** What the refs of a decision's due items stand for (ADR 108): milestone titles, finding texts, review kinds. */
export interface DueRefNames {
  milestones: Map<string, string>;
  findings: Map<string, string>;
  reviews: Map<string, string>;
}

/**
 * The log entries that name a due item's ref, and the fields that hold the ref and its name: milestones
 * are planned in the public log (each a `MilestonePlanned` of the step), findings and submissions are in
 * the internal log.
 */
const DUE_REF_SOURCES = {
  MilestonePlanned: { list: 'milestones', ref: 'milestoneId', name: 'title' },
  AuditFindingPublished: { list: 'findings', ref: 'findingId', name: 'finding' },
  PublicationSubmitted: { list: 'reviews', ref: 'reviewId', name: 'kind' },
} as const;
const PUBLIC_SOURCES = ['MilestonePlanned'];
const INTERNAL_SOURCES = ['AuditFindingPublished', 'PublicationSubmitted'];

/**
 * The names of the refs of the given decisions' due items, by decision, for the console's board (two
 * queries, at most a few entries per decision). Staff-only: a confidential decision's names included.
 */
export async function dueRefNames(dataSource: DataSource, decisionIds: string[]): Promise<Map<string, DueRefNames>> {
  const byDecision = new Map<string, DueRefNames>();
  const ids = [...new Set(decisionIds)];
  if (ids.length === 0) return byDecision;
  const select = { decisionId: true, seq: true, type: true, data: true } as const;
  const order = { decisionId: 'ASC', seq: 'ASC' } as const;
  const [planned, internal] = await Promise.all([
    dataSource.manager.find(PublicEventEntity, {
      select,
      where: { decisionId: In(ids), type: In(PUBLIC_SOURCES) },
      order,
    }),
    dataSource.manager.find(InternalEventEntity, {
      select,
      where: { decisionId: In(ids), type: In(INTERNAL_SOURCES) },
      order,
    }),
  ]);
  for (const row of [...planned, ...internal]) {
    const source = DUE_REF_SOURCES[row.type as keyof typeof DUE_REF_SOURCES];
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const ref = data[source.ref];
    const name = data[source.name];
    if (typeof ref !== 'string' || typeof name !== 'string') continue;
    let names = byDecision.get(row.decisionId);
    if (!names)
      byDecision.set(row.decisionId, (names = { milestones: new Map(), findings: new Map(), reviews: new Map() }));
    names[source.list].set(ref, name);
  }
  return byDecision;
}
