import type { DataSource } from 'typeorm';
import type { DecisionRecord, Stage } from '../../domain/src';
import { fromDecisionEntity } from './decision-mapping';
import { DecisionEntity } from './entities/decision.entity';

/** One cell of the managers' board: decisions of a unit in a stage, and how many of them are overdue. */
export interface StageUnitCount {
  stage: Stage;
  unit: string;
  count: number;
  overdue: number;
}

/** Decisions counted by stage and unit (one unit's only when `unit` is given), from the read model. */
export async function countDecisionsByStageAndUnit(dataSource: DataSource, unit?: string): Promise<StageUnitCount[]> {
  const query = dataSource.manager
    .createQueryBuilder(DecisionEntity, 'd')
    .select('d.stage', 'stage')
    .addSelect('d.unit', 'unit')
    .addSelect('COUNT(*)', 'count')
    .addSelect('SUM(CASE WHEN d.overdue THEN 1 ELSE 0 END)', 'overdue')
    .groupBy('d.stage')
    .addGroupBy('d.unit')
    .orderBy('d.unit', 'ASC');
  if (unit) query.where('d.unit = :unit', { unit });
  const rows = await query.getRawMany<{
    stage: Stage;
    unit: string;
    count: string | number;
    overdue: string | number | null;
  }>();
  return rows.map((r) => ({ stage: r.stage, unit: r.unit, count: Number(r.count), overdue: Number(r.overdue ?? 0) }));
}

/**
 * Decisions with something due, overdue ones first, then by the next due date; `reviews` keeps only
 * those with a submission waiting for a reviewer (the due items carry `"what":"review"`, canonical JSON).
 */
export async function listDueDecisions(
  dataSource: DataSource,
  filter: { unit?: string; reviews?: boolean; limit: number },
): Promise<DecisionRecord[]> {
  const query = dataSource.manager.createQueryBuilder(DecisionEntity, 'd').where("d.due <> '[]'");
  if (filter.unit) query.andWhere('d.unit = :unit', { unit: filter.unit });
  if (filter.reviews) query.andWhere('d.due LIKE :review', { review: '%"what":"review"%' });
  const rows = await query
    .orderBy('d.overdue', 'DESC')
    .addOrderBy('d.next_due_at', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .take(filter.limit)
    .getMany();
  return rows.map(fromDecisionEntity);
}
