import type { DecisionRecord, PublicLogEntry } from '../../domain/src';
import type { DataSource } from 'typeorm';
import { fromDecisionEntity } from './decision-mapping';
import { DecisionEntity } from './entities/decision.entity';
import type { PublicEventEntity } from './entities/public-event.entity';

/** The public view of a decision: nothing of a decision that is not public (SPEC.md §3.8), only public due items. */
export type PublicDecision = Omit<DecisionRecord, 'confidential' | 'publicVisible' | 'lastInternalSeq'>;

export function toPublicDecision(record: DecisionRecord): PublicDecision {
  const { confidential: _c, publicVisible: _p, lastInternalSeq: _s, due, ...view } = record;
  const publicDue = due.filter((item) => item.public);
  return {
    ...view,
    due: publicDue,
    overdue: publicDue.some((item) => item.overdue),
    nextDueAt: publicDue.find((item) => !item.overdue)?.at ?? null,
  };
}

export async function findPublicDecision(dataSource: DataSource, id: string): Promise<PublicDecision | undefined> {
  const entity = await dataSource.manager.findOneBy(DecisionEntity, { id, publicVisible: true });
  return entity ? toPublicDecision(fromDecisionEntity(entity)) : undefined;
}

/** Whether the public may send opinions on a decision at all: never on a confidential one (SPEC.md §3.8, ADR 29). */
export async function hasPublicIntake(dataSource: DataSource, id: string): Promise<boolean> {
  return dataSource.manager.existsBy(DecisionEntity, { id, publicVisible: true, confidential: false });
}

export function toPublicLogEntry(row: PublicEventEntity): PublicLogEntry {
  return {
    decisionId: row.decisionId,
    seq: row.seq,
    type: row.type as PublicLogEntry['type'],
    occurredAt: row.occurredAt,
    actor: JSON.parse(row.actor) as PublicLogEntry['actor'],
    data: JSON.parse(row.data) as PublicLogEntry['data'],
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * The public timeline of a decision, in seq order, or undefined when the decision is not public.
 * Entries are exactly the eight hashed fields.
 */
export async function findPublicTimeline(dataSource: DataSource, id: string): Promise<PublicLogEntry[] | undefined> {
  // One statement, no entity mapping: the hottest public read (issue 15; docs/benchmarks.md "reads").
  const postgres = dataSource.options.type === 'postgres';
  const rows = await dataSource.query<TimelineRow[]>(
    `SELECT e.seq AS seq, e.type AS type, e.occurred_at AS occurred_at, e.actor AS actor, e.data AS data,
            e.prev_hash AS prev_hash, e.hash AS hash
       FROM decisions d LEFT JOIN public_events e ON e.decision_id = d.id
      WHERE d.id = ${postgres ? '$1' : '?'} AND d.public_visible = ${postgres ? 'true' : '1'}
      ORDER BY e.seq`,
    [id],
  );
  if (rows.length === 0) return undefined;
  return rows
    .filter((row) => row.seq !== null)
    .map((row) => ({
      decisionId: id,
      seq: Number(row.seq),
      type: row.type as PublicLogEntry['type'],
      occurredAt: row.occurred_at,
      actor: JSON.parse(row.actor) as PublicLogEntry['actor'],
      data: JSON.parse(row.data) as PublicLogEntry['data'],
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
}

interface TimelineRow {
  seq: number | string | null;
  type: string;
  occurred_at: string;
  actor: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/**
 * The head of a public decision's chain — `{ seq, hash }`, null before its first entry — or undefined when the
 * decision is not public. The log is append-only and hash-chained, so the head names the whole timeline: one
 * indexed read answers a conditional request without loading the entries.
 */
export async function findPublicTimelineHead(
  dataSource: DataSource,
  id: string,
): Promise<{ seq: number; hash: string } | null | undefined> {
  // One statement, no query builder: a revalidation must cost less than the full read it saves (docs/benchmarks.md
  // "reads": built per request by the query builder, the 304 cost more than the 200).
  const rows = await dataSource.query<TimelineHeadRow[]>(
    publicTimelineHeadSql(dataSource.options.type === 'postgres'),
    [id],
  );
  return timelineHeadOf(rows[0]);
}

/** The head read of {@link findPublicTimelineHead} with one parameter, the decision id (also prepared by the timeline cache). */
export function publicTimelineHeadSql(postgres: boolean): string {
  return `SELECT e.seq AS seq, e.hash AS hash
       FROM decisions d LEFT JOIN public_events e ON e.decision_id = d.id
      WHERE d.id = ${postgres ? '$1' : '?'} AND d.public_visible = ${postgres ? 'true' : '1'}
      ORDER BY e.seq DESC
      LIMIT 1`;
}

export interface TimelineHeadRow {
  seq: number | string | null;
  hash: string | null;
}

/** A head row as `{ seq, hash }`, null before the first entry, undefined for no row (not public). */
export function timelineHeadOf(row: TimelineHeadRow | undefined): { seq: number; hash: string } | null | undefined {
  if (!row) return undefined;
  return row.seq === null || row.hash === null ? null : { seq: Number(row.seq), hash: row.hash };
}
