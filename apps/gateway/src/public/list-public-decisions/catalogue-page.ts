import { STAGES } from '../../../../../libs/domain/src';
import type { Page, PublicDecision } from '../../../../../libs/persistence/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { stageName } from '../../site-shell/web/stage-names';
import { decisionCard } from '../decision-card';
import { catalogueHref, type CatalogueQuery } from './catalogue-query';

export const M = defineMessages(
  {
    title: '决策目录',
    intro: '所有已纳入目录的重大行政决策事项。可按阶段、承办单位、年份筛选，或按标题和概要搜索。',
    filters: '筛选和搜索',
    q: '关键词',
    qHint: '搜索标题和概要',
    stage: '阶段',
    unit: '承办单位',
    year: '年份',
    any: '全部',
    search: '查询',
    reset: '清除条件',
    results: '查询结果',
    count: '共 {total} 项，第 {page}/{pages} 页',
    none: '没有符合条件的决策。',
    pages: '分页',
    previous: '上一页',
    next: '下一页',
  },
  {
    title: 'Catalogue of decisions',
    intro:
      'Every major administrative decision in the public catalogue. Filter by stage, unit or year, or search titles and summaries.',
    filters: 'Filter and search',
    q: 'Keywords',
    qHint: 'Searches titles and summaries',
    stage: 'Stage',
    unit: 'Unit',
    year: 'Year',
    any: 'All',
    search: 'Search',
    reset: 'Clear filters',
    results: 'Results',
    count: '{total} decisions, page {page} of {pages}',
    none: 'No decision matches.',
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

/** The catalogue: a GET form of filters (works without JavaScript) and a page of results. */
export function renderCatalogue(
  context: PageContext,
  query: CatalogueQuery,
  result: Page<PublicDecision>,
  facets: { units: string[]; years: number[] },
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
  facets.units.map((u) => ({ value: u, label: u })),
  query.unit,
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
    ? html`<ul class="cards">${result.items.map((d) => decisionCard(d, context.locale, 'h3'))}</ul>`
    : html`<p class="muted">${m.none}</p>`;
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
