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
  /**
   * The `MilestonePlanned` and `AuditFindingPublished` entries of the page's decisions, which name the
   * milestones and findings later entries refer to by code (ADR 108); absent: no names but the units.
   */
  titles?: PublicLogEntry[];
}

/** Unit ids an entry's public data names besides its actor (execution, milestone, evaluator unit). */
const UNIT_FIELDS = ['unit', 'executionUnit', 'evaluatorUnit'] as const;
const unitsIn = (entries: readonly PublicLogEntry[]): string[] =>
  entries.flatMap((entry) => [
    entry.actor.unit,
    ...UNIT_FIELDS.flatMap((field) => {
      const value = entry.data[field];
      return typeof value === 'string' ? [value] : [];
    }),
  ]);
/** The log entries that give milestones and findings their titles. */
const TITLE_TYPES = ['MilestonePlanned', 'AuditFindingPublished'];

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
  const titles =
    found.length === 0
      ? []
      : (
          await dataSource.manager.find(PublicEventEntity, {
            where: { decisionId: In(found.map((d) => d.id)), type: In(TITLE_TYPES) },
            order: { decisionId: 'ASC', seq: 'ASC' },
          })
        ).map(toPublicLogEntry);
  const names = await unitNames(dataSource, [...found.map((d) => d.unit), ...unitsIn(entries)]);
  return { entries: entries.filter((entry) => decisions.has(entry.decisionId)), decisions, unitNames: names, titles };
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
  const names = await unitNames(dataSource, [decision.unit, ...unitsIn(entries)]);
  const titles = entries.filter((entry) => TITLE_TYPES.includes(entry.type));
  return { entries, decisions: new Map([[id, toFeedDecision(decision)]]), unitNames: names, titles };
}
