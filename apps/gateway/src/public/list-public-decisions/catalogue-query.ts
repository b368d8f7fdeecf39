import { isStage, type Stage } from '../../../../../libs/domain/src';
import { pageNumber } from '../../common/page-number';

/** The catalogue's filters as read from the query string; anything unusable is dropped, never an error. */
export interface CatalogueQuery {
  q: string;
  stage: Stage | undefined;
  unit: string;
  category: string;
  year: number | undefined;
  page: number;
}

export function readCatalogueQuery(query: Record<string, string | undefined>): CatalogueQuery {
  const text = (value: string | undefined, max: number): string =>
    typeof value === 'string' ? value.trim().slice(0, max) : '';
  const integer = (value: string | undefined, min: number, max: number): number | undefined => {
    const n = Number(value);
    return value && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  return {
    q: text(query['q'], 100),
    stage: isStage(query['stage']) ? query['stage'] : undefined,
    unit: text(query['unit'], 64),
    category: text(query['category'], 64),
    year: integer(query['year'], 2000, 2200),
    page: pageNumber(query['page']),
  };
}

/** The catalogue URL of `query` on another page (empty filters left out). */
export function catalogueHref(query: CatalogueQuery, page: number, lang?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.stage) params.set('stage', query.stage);
  if (query.unit) params.set('unit', query.unit);
  if (query.category) params.set('category', query.category);
  if (query.year) params.set('year', String(query.year));
  if (page > 1) params.set('page', String(page));
  if (lang) params.set('lang', lang);
  const search = params.toString();
  return search ? `/decisions?${search}` : '/decisions';
}
