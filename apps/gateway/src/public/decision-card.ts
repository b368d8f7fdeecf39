import type { PublicDecision } from '../../../../libs/persistence/src';
import { html, type Html } from '../site-shell/web/html';
import { colon, defineMessages, formatDate, type Locale } from '../site-shell/web/i18n';
import { unitName, type Names } from '../site-shell/web/names';
import { stageName } from '../site-shell/web/stage-names';
import { dueName } from '../site-shell/web/words';

const M = defineMessages({ overdue: '已逾期', unit: '承办单位' }, { overdue: 'Overdue', unit: 'Unit' });

/** The public due dates of a decision: the next one, and every overdue one flagged. */
export function dueDates(decision: PublicDecision, locale: Locale): Html {
  const m = M[locale];
  const next = decision.due.find((item) => !item.overdue);
  const overdue = decision.due.filter((item) => item.overdue);
  if (!next && overdue.length === 0) return html``;
  return html`<p class="meta">${overdue.map((item) => html`<span class="badge badge--overdue">${m.overdue}</span> ${dueName(item.what, locale)}${colon(locale)}<time datetime="${item.at}">${formatDate(item.at)}</time> `)}
${next ? html`${dueName(next.what, locale)}${colon(locale)}<time datetime="${next.at}">${formatDate(next.at)}</time>` : ''}</p>`;
}

/** How a list shows its cards: unit names, and in search results the terms marked and a text excerpt. */
export interface CardOptions {
  names?: Names;
  highlight?: (text: string) => Html | string;
  /** Where the terms occur in the draft or decision text (search results). */
  excerpt?: Html;
}

/** One decision in a list (home, catalogue): title link, stage, unit, due dates, summary. */
export function decisionCard(
  decision: PublicDecision,
  locale: Locale,
  headingLevel: 'h2' | 'h3' = 'h3',
  options: CardOptions = {},
): Html {
  const { names, excerpt } = options;
  const mark = options.highlight ?? ((text: string): Html | string => text);
  const m = M[locale];
  const title = html`<a href="/decisions/${encodeURIComponent(decision.id)}">${mark(decision.title)}</a>`;
  return html`<li class="card">${headingLevel === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p class="meta"><span class="badge badge--stage">${stageName(decision.stage, locale)}</span> ${m.unit}${colon(locale)}${unitName(names, decision.unit, locale)}</p>
${dueDates(decision, locale)}
<p>${mark(decision.summary)}</p>${excerpt ?? ''}</li>`;
}
