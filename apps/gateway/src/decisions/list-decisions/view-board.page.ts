import { STAGES, type DecisionRecord, type Stage } from '../../../../../libs/domain/src';
import type { DueRefNames, Page, StageUnitCount } from '../../../../../libs/persistence/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { unitName, type Names } from '../../site-shell/web/names';
import { stageName } from '../../site-shell/web/stage-names';
import { actsForAllUnits } from '../../../../../libs/domain/src';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { dueName } from '../../site-shell/console/due-names';
import { reviewKindName } from '../../site-shell/web/words';
import { dueDate } from '../../site-shell/web/due-count';

const M = defineMessages(
  {
    title: '工作台',
    heading: '决策事项工作台',
    scopeUnit: '您是起草人员，只看到本单位（{unit}）的决策事项。',
    scopeAll: '您可以看到所有单位的决策事项。',
    register: '登记新的决策事项',
    matrix: '各单位各阶段决策事项数',
    unit: '单位',
    allUnits: '全部单位',
    total: '合计',
    overdueOf: '其中逾期 {n} 项',
    due: '到期和逾期事项',
    noDue: '目前没有到期事项。',
    decision: '决策事项',
    stage: '阶段',
    what: '事项',
    when: '期限',
    overdue: '已逾期',
    reviews: '待审查队列',
    reviewsHint: '以下提交等待审查人员批准或退回（提交人本人不能审查）。',
    noReviews: '没有等待审查的提交。',
    list: '决策事项列表',
    filters: '筛选',
    allStages: '全部阶段',
    onlyOverdue: '只看逾期',
    apply: '筛选',
    none: '没有符合条件的决策事项。',
    updated: '最近更新',
    progress: '执行进度',
    prev: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {total} 项',
  },
  {
    title: 'Console',
    heading: 'Decisions board',
    scopeUnit: 'As a drafter you see the decisions of your unit ({unit}) only.',
    scopeAll: 'You see the decisions of every unit.',
    register: 'Register a new decision',
    matrix: 'Decisions by stage and unit',
    unit: 'Unit',
    allUnits: 'All units',
    total: 'Total',
    overdueOf: '{n} overdue',
    due: 'Due and overdue items',
    noDue: 'Nothing is due at the moment.',
    decision: 'Decision',
    stage: 'Stage',
    what: 'Item',
    when: 'Due',
    overdue: 'Overdue',
    reviews: 'Review queue',
    reviewsHint: 'These submissions wait for a reviewer to approve or return them (never their author).',
    noReviews: 'No submission is waiting for review.',
    list: 'Decisions',
    filters: 'Filters',
    allStages: 'All stages',
    onlyOverdue: 'Overdue only',
    apply: 'Filter',
    none: 'No decision matches.',
    updated: 'Last change',
    progress: 'Progress',
    prev: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page}, {total} decisions',
  },
);

export interface BoardFilter {
  stage?: Stage;
  unit?: string;
  overdue?: boolean;
  page: number;
}

export interface BoardView {
  filter: BoardFilter;
  counts: StageUnitCount[];
  due: DecisionRecord[];
  reviews: DecisionRecord[];
  decisions: Page<DecisionRecord>;
  /** Unit names for the codes (ADR 108); codes show as themselves without it. */
  names?: Names;
  /** What the due items' refs stand for, by decision (ADR 108, 124); refs show as codes without it. */
  refs?: ReadonlyMap<string, DueRefNames>;
}

/** How long a finding's text may be where it names a due item (as on the workspace). */
const FINDING_CHARS = 30;

/** The name of a due item's ref: a milestone's title, a finding's first words, a review's kind. */
function refNamer(refs: DueRefNames | undefined, locale: Locale): (ref: string) => string | undefined {
  return (ref) => {
    const finding = refs?.findings.get(ref);
    const review = refs?.reviews.get(ref);
    return (
      refs?.milestones.get(ref) ??
      (finding !== undefined ? [...finding].slice(0, FINDING_CHARS).join('') : undefined) ??
      (review !== undefined ? reviewKindName(review, locale) : undefined)
    );
  };
}

const decisionLink = (d: DecisionRecord): Html => html`<a href="/console/decisions/${d.id}">${d.title}</a>`;
const overdueBadge = (locale: Locale): Html => html`<span class="badge badge--overdue">${M[locale].overdue}</span>`;

function matrix(view: BoardView, locale: Locale): Html {
  const m = M[locale];
  const units = [...new Set(view.counts.map((c) => c.unit))].sort();
  const stages = STAGES.filter((s) => view.counts.some((c) => c.stage === s));
  const cell = (unit: string | undefined, stage: Stage | undefined): Html => {
    const rows = view.counts.filter(
      (c) => (unit === undefined || c.unit === unit) && (stage === undefined || c.stage === stage),
    );
    const count = rows.reduce((n, c) => n + c.count, 0);
    const overdue = rows.reduce((n, c) => n + c.overdue, 0);
    return html`<td class="num${overdue ? ' cell--overdue' : ''}">${count}${overdue ? html`<br><span class="badge badge--overdue">${fill(m.overdueOf, { n: overdue })}</span>` : ''}</td>`;
  };
  if (!units.length) return html`<p class="muted">${m.none}</p>`;
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${m.matrix}</caption>
<thead><tr><th scope="col">${m.unit}</th>${stages.map((s) => html`<th scope="col" class="num">${stageName(s, locale)}</th>`)}<th scope="col" class="num">${m.total}</th></tr></thead>
<tbody>${units.map((u) => html`<tr><th scope="row">${unitName(view.names, u, locale)}</th>${stages.map((s) => cell(u, s))}${cell(u, undefined)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${m.total}</th>${stages.map((s) => cell(undefined, s))}${cell(undefined, undefined)}</tr></tfoot>
</table></div>`;
}

function dueTable(view: BoardView, decisions: DecisionRecord[], locale: Locale, onlyReviews: boolean): Html {
  const m = M[locale];
  const rows = decisions.flatMap((d) =>
    d.due
      .filter((item) => !onlyReviews || item.what === 'review')
      .map(
        (
          item,
        ) => html`<tr${item.overdue ? html` class="row--overdue"` : ''}><td>${decisionLink(d)}</td><td>${stageName(d.stage, locale)}</td><td>${dueName(item, locale, refNamer(view.refs?.get(d.id), locale))}</td>
<td>${dueDate(item.at, item.counted, locale)} ${item.overdue ? overdueBadge(locale) : ''}</td></tr>`,
      ),
  );
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.decision}</th><th scope="col">${m.stage}</th><th scope="col">${m.what}</th><th scope="col">${m.when}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function filters(view: BoardView, context: PageContext, session: ConsoleSession): Html {
  const m = M[context.locale];
  const { filter } = view;
  return html`<form method="get" action="/console" class="filters" aria-label="${m.filters}">
<div class="field"><label for="f-stage">${m.stage}</label><select id="f-stage" name="stage"><option value="">${m.allStages}</option>
${STAGES.map((s) => html`<option value="${s}"${attrs({ selected: filter.stage === s })}>${stageName(s, context.locale)}</option>`)}</select></div>
${actsForAllUnits(session.actor.role) ? html`<div class="field"><label for="f-unit">${m.unit}</label><select id="f-unit" name="unit"><option value="">${m.allUnits}</option>${[...(view.names?.units.keys() ?? [])].map((u) => html`<option value="${u}"${attrs({ selected: filter.unit === u })}>${unitName(view.names, u, context.locale)}</option>`)}</select></div>` : ''}
<div class="field field--check"><input type="checkbox" id="f-overdue" name="overdue" value="true"${attrs({ checked: filter.overdue === true })}><label for="f-overdue">${m.onlyOverdue}</label></div>
<div><button type="submit">${m.apply}</button></div></form>`;
}

function pager(view: BoardView, context: PageContext): Html {
  const m = M[context.locale];
  const { page, total, pageSize } = view.decisions;
  const href = (p: number): string => {
    const params = new URLSearchParams();
    if (view.filter.stage) params.set('stage', view.filter.stage);
    if (view.filter.unit) params.set('unit', view.filter.unit);
    if (view.filter.overdue) params.set('overdue', 'true');
    params.set('page', String(p));
    return `/console?${params.toString()}`;
  };
  return html`<nav aria-label="${m.list}"><ul class="pagination">
${page > 1 ? html`<li><a href="${href(page - 1)}">${m.prev}</a></li>` : ''}<li>${fill(m.pageOf, { page, total })}</li>
${page * pageSize < total ? html`<li><a href="${href(page + 1)}">${m.next}</a></li>` : ''}</ul></nav>`;
}

export function renderBoard(
  context: PageContext,
  session: ConsoleSession,
  view: BoardView,
): { title: string; main: Html } {
  const m = M[context.locale];
  const { locale } = context;
  const list = view.decisions.items.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.decision}</th><th scope="col">${m.unit}</th><th scope="col">${m.stage}</th><th scope="col">${m.when}</th><th scope="col" class="num">${m.progress}</th><th scope="col">${m.updated}</th></tr></thead>
<tbody>${view.decisions.items.map(
        (
          d,
        ) => html`<tr${d.overdue ? html` class="row--overdue"` : ''}><td>${decisionLink(d)}</td><td>${unitName(view.names, d.unit, locale)}</td><td>${stageName(d.stage, locale)}</td>
<td>${d.nextDueAt ? html`<time datetime="${d.nextDueAt}">${formatDateTime(d.nextDueAt)}</time>` : ''} ${d.overdue ? overdueBadge(locale) : ''}</td>
<td class="num">${d.progress === null ? '' : `${d.progress}%`}</td><td>${formatDateTime(d.updatedAt)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.none}</p>`;
  const main = html`<h1>${m.heading}</h1>
<p class="muted">${actsForAllUnits(session.actor.role) ? m.scopeAll : fill(m.scopeUnit, { unit: unitName(view.names, session.actor.unit, locale) })}</p>
${session.actor.role === 'drafter' ? html`<p><a class="button" href="/console/decisions/new">${m.register}</a></p>` : ''}
<section aria-labelledby="matrix-h"><h2 id="matrix-h">${m.matrix}</h2>${matrix(view, locale)}</section>
<section aria-labelledby="reviews-h"><h2 id="reviews-h">${m.reviews}</h2><p class="muted">${m.reviewsHint}</p>
${view.reviews.length ? dueTable(view, view.reviews, locale, true) : html`<p class="muted">${m.noReviews}</p>`}</section>
<section aria-labelledby="due-h"><h2 id="due-h">${m.due}</h2>${view.due.length ? dueTable(view, view.due, locale, false) : html`<p class="muted">${m.noDue}</p>`}</section>
<section aria-labelledby="list-h"><h2 id="list-h">${m.list}</h2>${filters(view, context, session)}${list}${pager(view, context)}</section>`;
  return { title: m.title, main };
}
