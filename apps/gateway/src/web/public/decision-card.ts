import type { PublicDecision } from '../../../../../libs/persistence/src';
import { html, type Html } from '../html';
import { defineMessages, formatDate, type Locale } from '../i18n';
import { stageName } from '../stage-names';

const M = defineMessages({ due: '下一期限', overdue: '已逾期', unit: '承办单位' }, { due: 'Next due', overdue: 'Overdue', unit: 'Unit' });

/** One decision in a list (home, catalogue): title link, stage, unit, next due date, summary. */
export function decisionCard(decision: PublicDecision, locale: Locale, headingLevel: 'h2' | 'h3' = 'h3'): Html {
  const m = M[locale];
  const title = html`<a href="/decisions/${encodeURIComponent(decision.id)}">${decision.title}</a>`;
  return html`<li class="card">${headingLevel === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p class="meta"><span class="badge badge--stage">${stageName(decision.stage, locale)}</span> ${m.unit}: ${decision.unit}
${decision.overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : ''}
${decision.nextDueAt ? html` · ${m.due}: <time datetime="${decision.nextDueAt}">${formatDate(decision.nextDueAt)}</time>` : ''}</p>
<p>${decision.summary}</p></li>`;
}
