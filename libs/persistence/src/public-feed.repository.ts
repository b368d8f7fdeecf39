import type { PublicLogEntry } from '../../domain/src';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { UnitEntity } from './entities/account.entity';
import { DecisionEntity } from './entities/decision.entity';
import { PublicEventEntity } from './entities/public-event.entity';
import { toPublicLogEntry } from './public-read.repository';

/** What a feed says about the decision of an entry: its title and unit, nothing a public page does not show. */
export interface FeedDecision {
  id: string;
  title: string;
  unit: string;
}

/** Public log entries, newest first, with their decisions and the display names of the units involved. */
export interface PublicFeedPage {
  entries: PublicLogEntry[];
  decisions: Map<string, FeedDecision>;
  /** Unit id → name, for the decisions' units and the entries' actors (a unit without a row is absent). */
  unitNames: Map<string, string>;
}

async function unitNames(dataSource: DataSource, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const units = await dataSource.manager.find(UnitEntity, {
    select: { id: true, name: true },
    where: { id: In(unique) },
  });
  return new Map(units.map((unit) => [unit.id, unit.name]));
}

const toFeedDecision = (entity: Pick<DecisionEntity, 'id' | 'title' | 'unit'>): FeedDecision => ({
  id: entity.id,
  title: entity.title,
  unit: entity.unit,
});

/**
 * The query behind `findRecentPublicEntries`: newest first by `occurredAt`, then decision and seq
 * descending, so the order is total and the entries of one step (same instant) come in reverse log
 * order. Visibility is an EXISTS, not a join: with a join SQLite starts from the decisions and sorts
 * the whole log; with EXISTS both databases walk `public_events_recent` backwards and stop at `limit`.
 */
export function recentPublicEventsQuery(dataSource: DataSource, limit: number): SelectQueryBuilder<PublicEventEntity> {
  return dataSource.manager
    .createQueryBuilder(PublicEventEntity, 'e')
    .where('EXISTS (SELECT 1 FROM decisions d WHERE d.id = e.decision_id AND d.public_visible = :visible)', {
      visible: true,
    })
    .orderBy('e.occurredAt', 'DESC')
    .addOrderBy('e.decisionId', 'DESC')
    .addOrderBy('e.seq', 'DESC')
    .limit(limit);
}

/**
 * The `limit` newest entries of every public decision's log (never one of a confidential decision before
 * its publication, SPEC.md §3.8), newest first, with their decisions.
 */
export async function findRecentPublicEntries(dataSource: DataSource, limit: number): Promise<PublicFeedPage> {
  const rows = await recentPublicEventsQuery(dataSource, limit).getMany();
  const entries = rows.map(toPublicLogEntry);
  const ids = [...new Set(entries.map((entry) => entry.decisionId))];
  const found =
    ids.length === 0
      ? []
      : await dataSource.manager.find(DecisionEntity, {
          select: { id: true, title: true, unit: true },
          where: { id: In(ids), publicVisible: true },
        });
  const decisions = new Map(found.map((entity) => [entity.id, toFeedDecision(entity)]));
  const names = await unitNames(dataSource, [...found.map((d) => d.unit), ...entries.map((e) => e.actor.unit)]);
  return { entries: entries.filter((entry) => decisions.has(entry.decisionId)), decisions, unitNames: names };
}

/**
 * Every entry of one public decision's log, newest first, or undefined when the decision is unknown or
 * not public (the two are indistinguishable by design).
 */
export async function findPublicDecisionFeed(dataSource: DataSource, id: string): Promise<PublicFeedPage | undefined> {
  const decision = await dataSource.manager.findOne(DecisionEntity, {
    select: { id: true, title: true, unit: true },
    where: { id, publicVisible: true },
  });
  if (!decision) return undefined;
  const rows = await dataSource.manager.find(PublicEventEntity, { where: { decisionId: id }, order: { seq: 'DESC' } });
  const entries = rows.map(toPublicLogEntry);
  const names = await unitNames(dataSource, [decision.unit, ...entries.map((e) => e.actor.unit)]);
  return { entries, decisions: new Map([[id, toFeedDecision(decision)]]), unitNames: names };
}
