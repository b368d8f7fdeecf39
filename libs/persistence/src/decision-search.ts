import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { PublicEventDraft } from '../../domain/src';
import type { DecisionEntity } from './entities/decision.entity';
import { PublicEventEntity } from './entities/public-event.entity';
import { PublicSearchTextEntity } from './entities/public-search-text.entity';

/** The public log entries whose text the catalogue searches besides title and summary (ADR 108, 0125). */
const SEARCHED_TYPES = ['DraftPublished', 'DecisionPublished'] as const;
const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 50;

/**
 * The terms of a search: split on white space (ASCII and full-width), at most five, each at most 50
 * characters; empty when nothing is left. `%`, `_` and `\` stay: they are matched literally (ADR 0125).
 */
export function searchTerms(q: string | undefined): string[] {
  const terms = (q ?? '')
    .split(/[\s\u3000]+/)
    .map((term) => term.slice(0, MAX_TERM_LENGTH))
    .filter((term) => term !== '');
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** A LIKE pattern that finds `term` anywhere, its wildcards and the escape character taken literally. */
const containing = (term: string): string => `%${term.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Every term in the title or summary — or, with `texts`, in the words of a published draft version or
 * the adopted decision (`public_search_texts`, never the log's JSON, so a field name matches nothing:
 * ADR 0125). Case-insensitive for Latin letters in both dialects; `%` and `_` match only themselves.
 */
export function whereTermsMatch(
  query: SelectQueryBuilder<DecisionEntity>,
  terms: readonly string[],
  texts: boolean,
): void {
  terms.forEach((term, i) => {
    const param = `term${i}`;
    const like = `LIKE :${param} ESCAPE '\\'`;
    const inText = texts
      ? ` OR EXISTS (SELECT 1 FROM public_search_texts t WHERE t.decision_id = d.id AND LOWER(t.text) ${like})`
      : '';
    query.andWhere(`(LOWER(d.title) ${like} OR LOWER(d.summary) ${like}${inText})`, {
      [param]: containing(term),
    });
  });
}

/**
 * Writes the search text of the public entries just stored (ADR 0125), in the caller's transaction:
 * only entries of the public log, so nothing unpublished or confidential is ever searchable.
 */
export async function projectSearchTexts(
  manager: EntityManager,
  decisionId: string,
  stored: readonly PublicEventDraft[],
): Promise<void> {
  const rows = stored
    .filter((entry) => (SEARCHED_TYPES as readonly string[]).includes(entry.type))
    .map((entry) => searchTextRow(decisionId, entry.seq, entry.type, entry.data));
  if (rows.length > 0) await manager.insert(PublicSearchTextEntity, rows);
}

/**
 * Rebuilds `public_search_texts` from the public log (the read-model rebuild), in pages (keyset on
 * decision_id, seq), with the fold {@link projectSearchTexts} applies live.
 */
export async function rebuildSearchTexts(manager: EntityManager, pageSize: number): Promise<void> {
  await manager.createQueryBuilder().delete().from(PublicSearchTextEntity).execute();
  let after = { decisionId: '', seq: 0 };
  for (;;) {
    const rows = await manager
      .createQueryBuilder(PublicEventEntity, 'e')
      .select(['e.decisionId', 'e.seq', 'e.type', 'e.data'])
      .where('e.type IN (:...types)', { types: SEARCHED_TYPES })
      .andWhere('(e.decision_id > :id OR (e.decision_id = :id AND e.seq > :seq))', {
        id: after.decisionId,
        seq: after.seq,
      })
      .orderBy('e.decision_id', 'ASC')
      .addOrderBy('e.seq', 'ASC')
      .limit(pageSize)
      .getMany();
    const texts = rows.map((row) =>
      searchTextRow(row.decisionId, row.seq, row.type, JSON.parse(row.data) as Record<string, unknown>),
    );
    if (texts.length > 0) await manager.insert(PublicSearchTextEntity, texts);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { decisionId: last.decisionId, seq: last.seq };
  }
}

function searchTextRow(
  decisionId: string,
  seq: number,
  type: string,
  data: Record<string, unknown>,
): PublicSearchTextEntity {
  return { decisionId, seq, type, text: textsOf(type, data).join('\n') };
}

/** The searchable texts of one decision's latest published draft and decision (absent when none). */
export interface SearchableTexts {
  draft?: string[];
  decision?: string[];
}

/** The human-readable texts of a published draft version (text, basis, explanation) or decision (text, interpretation). */
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
