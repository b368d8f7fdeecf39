import { STAGES } from '../../../../../libs/domain/src';
import type { Page, PublicDecision } from '../../../../../libs/persistence/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { stageName } from '../../site-shell/web/stage-names';
import { highlight } from '../../site-shell/web/highlight';
import { categoryLabel, unitName, type Names } from '../../site-shell/web/names';
import { decisionCard } from '../decision-card';
import type { SearchExcerpt } from './search-excerpts';
import { catalogueHref, type CatalogueQuery } from './catalogue-query';

export const M = defineMessages(
  {
    title: '决策目录',
    intro:
      '所有已纳入目录的重大行政决策事项。可按阶段、承办单位、类别、年份筛选，或搜索标题、概要以及公布的草案和决策文本。',
    filters: '筛选和搜索',
    q: '关键词',
    qHint: '多个关键词用空格分开；搜索标题、概要、草案和决策文本',
    stage: '阶段',
    unit: '承办单位',
    category: '类别',
    year: '年份',
    any: '全部',
    search: '查询',
    reset: '清除条件',
    results: '查询结果',
    count: '共 {total} 项，第 {page}/{pages} 页',
    none: '没有符合条件的决策。',
    suggest: '您可以：',
    fewerWords: '减少关键词，只搜索“{term}”',
    checkWords: '检查关键词是否有错别字，或换用其他说法',
    clear: '清除全部条件，浏览所有决策',
    byCategory: '按类别浏览：',
    latest: '最近更新的决策',
    inDecision: '决策文本中：',
    inDraft: '草案文本中：',
    pages: '分页',
    previous: '上一页',
    next: '下一页',
  },
  {
    title: 'Catalogue of decisions',
    intro:
      'Every major administrative decision in the public catalogue. Filter by stage, unit, category or year, or search titles, summaries and the published draft and decision texts.',
    filters: 'Filter and search',
    q: 'Keywords',
    qHint: 'Separate words with spaces; searches titles, summaries, drafts and decision texts',
    stage: 'Stage',
    unit: 'Unit',
    category: 'Category',
    year: 'Year',
    any: 'All',
    search: 'Search',
    reset: 'Clear filters',
    results: 'Results',
    count: '{total} decisions, page {page} of {pages}',
    none: 'No decision matches.',
    suggest: 'You could:',
    fewerWords: 'search with fewer words: only “{term}”',
    checkWords: 'check the words for typing mistakes, or try other words',
    clear: 'clear every filter and browse all decisions',
    byCategory: 'Browse by category: ',
    latest: 'Recently updated decisions',
    inDecision: 'In the decision text: ',
    inDraft: 'In the draft: ',
    pages: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
  },
);

function select(
  name: string,
  label: string,
  any: string,
  options: Array<{ value: string; label: string }>,
  current: string,
): Html {
  return html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">${any}</option>
${options.map((o) => html`<option${attrs({ value: o.value, selected: o.value === current })}>${o.label}</option>`)}</select></div>`;
}

/** What a search adds to the page: its terms, where they occur in the texts, the latest decisions. */
export interface CatalogueSearch {
  terms: string[];
  excerpts: ReadonlyMap<string, SearchExcerpt>;
  /** Shown when nothing matched. */
  latest: PublicDecision[];
}

type Words = (typeof M)['en'];

function card(decision: PublicDecision, context: PageContext, names: Names, search: CatalogueSearch): Html {
  const m = M[context.locale];
  const found = search.excerpts.get(decision.id);
  const excerpt = found
    ? html`<p class="excerpt">${found.source === 'decision' ? m.inDecision : m.inDraft}${highlight(found.text, search.terms)}</p>`
    : undefined;
  return decisionCard(decision, context.locale, 'h3', {
    names,
    highlight: search.terms.length ? (text) => highlight(text, search.terms) : undefined,
    excerpt,
  });
}

/** An empty result suggests a way on (ADR 108): fewer words, other words, no filters, a category, the latest. */
function suggestions(
  context: PageContext,
  m: Words,
  names: Names,
  categories: string[],
  search: CatalogueSearch,
): Html {
  const lang = context.query['lang'];
  const empty: CatalogueQuery = { q: '', stage: undefined, unit: '', category: '', year: undefined, page: 1 };
  const first = search.terms[0];
  return html`<p class="muted">${m.none}</p><p>${m.suggest}</p><ul>
${search.terms.length > 1 && first ? html`<li><a href="${catalogueHref({ ...empty, q: first }, 1, lang)}">${fill(m.fewerWords, { term: first })}</a></li>` : ''}
${search.terms.length ? html`<li>${m.checkWords}</li>` : ''}
<li><a href="${catalogueHref(empty, 1, lang)}">${m.clear}</a></li></ul>
${categories.length ? html`<p>${m.byCategory}${categories.map((c, i) => html`${i ? ' · ' : ''}<a href="${catalogueHref({ ...empty, category: c }, 1, lang)}">${categoryLabel(names, c, context.locale)}</a>`)}</p>` : ''}
${search.latest.length ? html`<h3>${m.latest}</h3><ul class="cards">${search.latest.map((d) => decisionCard(d, context.locale, 'h3', { names }))}</ul>` : ''}`;
}

/** The catalogue: a GET form of filters (works without JavaScript) and a page of results. */
export function renderCatalogue(
  context: PageContext,
  query: CatalogueQuery,
  result: Page<PublicDecision>,
  facets: { units: string[]; categories: string[]; years: number[] },
  names: Names,
  search: CatalogueSearch,
): Html {
  const m = M[context.locale];
  const lang = context.query['lang'];
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const form = html`<form class="filters" method="get" action="/decisions" role="search" aria-label="${m.filters}">
<div class="field"><label for="f-q">${m.q}</label><input type="search" id="f-q" name="q"${attrs({ value: query.q })} aria-describedby="f-q-hint"><span class="hint" id="f-q-hint">${m.qHint}</span></div>
${select(
  'stage',
  m.stage,
  m.any,
  STAGES.map((s) => ({ value: s, label: stageName(s, context.locale) })),
  query.stage ?? '',
)}
${select(
  'unit',
  m.unit,
  m.any,
  facets.units.map((u) => ({ value: u, label: unitName(names, u, context.locale) })),
  query.unit,
)}
${select(
  'category',
  m.category,
  m.any,
  facets.categories.map((c) => ({ value: c, label: categoryLabel(names, c, context.locale) })),
  query.category,
)}
${select(
  'year',
  m.year,
  m.any,
  facets.years.map((y) => ({ value: String(y), label: String(y) })),
  query.year ? String(query.year) : '',
)}
${lang ? html`<input type="hidden" name="lang"${attrs({ value: lang })}>` : ''}
<div class="field"><button type="submit">${m.search}</button></div>
<div class="field"><a href="/decisions">${m.reset}</a></div>
</form>`;
  const list = result.items.length
    ? html`<ul class="cards">${result.items.map((d) => card(d, context, names, search))}</ul>`
    : suggestions(context, m, names, facets.categories, search);
  const nav =
    pages > 1
      ? html`<nav aria-label="${m.pages}"><ul class="pagination">
${query.page > 1 ? html`<li><a rel="prev" href="${catalogueHref(query, query.page - 1, lang)}">${m.previous}</a></li>` : ''}
${query.page < pages ? html`<li><a rel="next" href="${catalogueHref(query, query.page + 1, lang)}">${m.next}</a></li>` : ''}
</ul></nav>`
      : '';
  return html`<h1>${m.title}</h1><p>${m.intro}</p>${form}
<section aria-labelledby="results-h"><h2 id="results-h">${m.results}</h2>
<p class="muted" role="status">${fill(m.count, { total: result.total, page: Math.min(query.page, pages), pages })}</p>${list}${nav}</section>`;
}
