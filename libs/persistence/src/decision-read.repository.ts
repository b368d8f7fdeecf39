import type { DecisionRecord, Stage } from '../../domain/src';
import type { DataSource } from 'typeorm';
import { fromDecisionEntity } from './decision-mapping';
import { DecisionEntity } from './entities/decision.entity';

export interface DecisionFilter {
  stage?: Stage;
  unit?: string;
  overdue?: boolean;
  /** Substring of title or summary. */
  q?: string;
  publicOnly?: boolean;
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Decisions from the read model, most recently updated first. */
export async function listDecisions(dataSource: DataSource, filter: DecisionFilter): Promise<Page<DecisionRecord>> {
  const query = dataSource.manager.createQueryBuilder(DecisionEntity, 'd');
  if (filter.publicOnly) query.andWhere('d.public_visible = :visible', { visible: true });
  if (filter.stage) query.andWhere('d.stage = :stage', { stage: filter.stage });
  if (filter.unit) query.andWhere('d.unit = :unit', { unit: filter.unit });
  if (filter.overdue !== undefined) query.andWhere('d.overdue = :overdue', { overdue: filter.overdue });
  if (filter.q) query.andWhere('(d.title LIKE :q OR d.summary LIKE :q)', { q: `%${filter.q.replace(/[%_\\]/g, '')}%` });
  const [rows, total] = await query
    .orderBy('d.updated_at', 'DESC')
    .addOrderBy('d.id', 'ASC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getManyAndCount();
  return { items: rows.map(fromDecisionEntity), page: filter.page, pageSize: filter.pageSize, total };
}

export async function findDecision(dataSource: DataSource, id: string): Promise<DecisionRecord | undefined> {
  const entity = await dataSource.manager.findOneBy(DecisionEntity, { id });
  return entity ? fromDecisionEntity(entity) : undefined;
}
