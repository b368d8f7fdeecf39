import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { DecisionEntity } from './entities/decision.entity';
import { PublicEventEntity } from './entities/public-event.entity';

/** The public log entries whose text the catalogue searches besides title and summary (ADR 108). */
const SEARCHED_TYPES = ['DraftPublished', 'DecisionPublished'] as const;
const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 50;

/**
 * The terms of a search: split on white space (ASCII and full-width), at most five, each at most 50
 * characters, LIKE's wildcards and escape dropped; empty when nothing is left.
 */
export function searchTerms(q: string | undefined): string[] {
  const terms = (q ?? '')
    .split(/[\s\u3000]+/)
    .map((term) => term.replace(/[%_\\]/g, '').slice(0, MAX_TERM_LENGTH))
    .filter((term) => term !== '');
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/**
 * Every term in the title or summary — or, with `texts`, in the text of a published draft or decision
 * (the canonical JSON of those public log entries, so a term that is one of their field names matches
 * too). Case-insensitive for Latin letters in both dialects.
 */
export function whereTermsMatch(
  query: SelectQueryBuilder<DecisionEntity>,
  terms: readonly string[],
  texts: boolean,
): void {
  terms.forEach((term, i) => {
    const param = `term${i}`;
    const inText = texts
      ? ` OR EXISTS (SELECT 1 FROM public_events e WHERE e.decision_id = d.id AND e.type IN (:...searchedTypes) AND LOWER(e.data) LIKE :${param})`
      : '';
    query.andWhere(`(LOWER(d.title) LIKE :${param} OR LOWER(d.summary) LIKE :${param}${inText})`, {
      [param]: `%${term.toLowerCase()}%`,
      searchedTypes: SEARCHED_TYPES,
    });
  });
}

/** The searchable texts of one decision's latest published draft and decision (absent when none). */
export interface SearchableTexts {
  draft?: string[];
  decision?: string[];
}

const textsOf = (type: string, data: Record<string, unknown>): string[] => {
  const str = (value: unknown): string => (typeof value === 'string' ? value : '');
  if (type === 'DecisionPublished') {
    const interpretation = (data['interpretation'] ?? {}) as Record<string, unknown>;
    return [str(data['text']), str(interpretation['plainLanguage'])].filter(Boolean);
  }
  return [str(data['draft']), str(data['basis']), str(data['explanation'])].filter(Boolean);
};

/** The latest draft and decision texts of public decisions (public log entries only), by decision id. */
export async function searchableTexts(
  dataSource: DataSource,
  decisionIds: readonly string[],
): Promise<Map<string, SearchableTexts>> {
  const found = new Map<string, SearchableTexts>();
  if (decisionIds.length === 0) return found;
  const rows = await dataSource.manager.find(PublicEventEntity, {
    select: { decisionId: true, seq: true, type: true, data: true },
    where: { decisionId: In([...decisionIds]), type: In([...SEARCHED_TYPES]) },
    order: { seq: 'ASC' },
  });
  for (const row of rows) {
    const texts = found.get(row.decisionId) ?? {};
    const data = JSON.parse(row.data) as Record<string, unknown>;
    if (row.type === 'DecisionPublished') texts.decision = textsOf(row.type, data);
    else texts.draft = textsOf(row.type, data);
    found.set(row.decisionId, texts);
  }
  return found;
}
