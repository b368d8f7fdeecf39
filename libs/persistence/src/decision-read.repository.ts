import type { DecisionRecord, Stage } from '../../domain/src';
import type { DataSource } from 'typeorm';
import { searchTerms, whereTermsMatch } from './decision-search';
import { fromDecisionEntity } from './decision-mapping';
import { DecisionEntity } from './entities/decision.entity';

export interface DecisionFilter {
  stage?: Stage;
  unit?: string;
  overdue?: boolean;
  /** Words (split on white space), each in the title or summary (every one must occur). */
  q?: string;
  /** `q` also searches the published draft and decision texts (the public catalogue, ADR 108). */
  searchTexts?: boolean;
  /** Registered under this category id. */
  category?: string;
  /** Registered in this calendar year, Beijing time (SPEC.md §4). */
  year?: number;
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
  if (filter.year) query.andWhere('d.registered_at >= :from AND d.registered_at < :to', beijingYear(filter.year));
  if (filter.category) query.andWhere('d.category = :category', { category: filter.category });
  if (filter.q) whereTermsMatch(query, searchTerms(filter.q), filter.searchTexts === true);
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

/** The instants a Beijing calendar year spans, as the read model stores them (ISO, UTC, milliseconds). */
function beijingYear(year: number): { from: string; to: string } {
  const start = (y: number): string => new Date(Date.UTC(y, 0, 1) - 8 * 3_600_000).toISOString();
  return { from: start(year), to: start(year + 1) };
}

/** What the public catalogue can be filtered by: the units and registration years of public decisions. */
export async function publicCatalogueFacets(
  dataSource: DataSource,
): Promise<{ units: string[]; categories: string[]; years: number[] }> {
  const units: Array<{ unit: string }> = await dataSource.manager
    .createQueryBuilder(DecisionEntity, 'd')
    .select('DISTINCT d.unit', 'unit')
    .where('d.public_visible = :visible', { visible: true })
    .orderBy('unit', 'ASC')
    .getRawMany();
  const categories: Array<{ category: string }> = await dataSource.manager
    .createQueryBuilder(DecisionEntity, 'd')
    .select('DISTINCT d.category', 'category')
    .where('d.public_visible = :visible', { visible: true })
    .orderBy('category', 'ASC')
    .getRawMany();
  const range: { first: string | null; last: string | null } | undefined = await dataSource.manager
    .createQueryBuilder(DecisionEntity, 'd')
    .select('MIN(d.registered_at)', 'first')
    .addSelect('MAX(d.registered_at)', 'last')
    .where('d.public_visible = :visible', { visible: true })
    .getRawOne();
  const yearOf = (iso: string): number => new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();
  const years: number[] = [];
  if (range?.first && range.last) for (let y = yearOf(range.last); y >= yearOf(range.first); y -= 1) years.push(y);
  return { units: units.map((row) => row.unit), categories: categories.map((row) => row.category), years };
}
