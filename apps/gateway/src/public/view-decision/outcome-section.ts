import { html, type Html } from '../../site-shell/web/html';
import {
  colon,
  defineMessages,
  semicolon,
  fill,
  formatDate,
  formatDateTime,
  type Locale,
} from '../../site-shell/web/i18n';
import { unitName, type Names } from '../../site-shell/web/names';
import { outcomeName } from '../../site-shell/web/words';
import type { DecisionPageModel } from './decision-page-model';
import { dueDate } from '../../site-shell/web/due-count';

const M = defineMessages(
  {
    collective: '集体讨论决定',
    meeting: '{meeting}（{date}）：{outcome}',
    reason: '理由',
    publicationDue: '决策公布期限：',
    decision: '决策公布与政策解读',
    published: '公布于 {at}',
    text: '决策文本',
    interpretation: '政策解读',
    qa: '问答',
    adoption: '意见采纳情况说明',
    executionUnit: '执行单位',
    evaluationDue: '计划评估时间',
  },
  {
    collective: 'Collective decision',
    meeting: '{meeting} ({date}): {outcome}',
    reason: 'Reason',
    publicationDue: 'To be published by: ',
    decision: 'The decision and its interpretation',
    published: 'Published {at}',
    text: 'Text of the decision',
    interpretation: 'Interpretation',
    qa: 'Questions and answers',
    adoption: 'How opinions were adopted',
    executionUnit: 'Executing unit',
    evaluationDue: 'Evaluation planned for',
  },
);

/** The collective decision and the published decision with its interpretation (三同步). */
export function outcomeSection(model: DecisionPageModel, locale: Locale, names?: Names): Html {
  const m = M[locale];
  const c = model.collective;
  const d = model.decision;
  if (!c && !d) return html``;
  return html`<section aria-labelledby="outcome-h" id="decision"><h2 id="outcome-h">${d ? m.decision : m.collective}</h2>
${
  c
    ? html`<p>${fill(m.meeting, { meeting: c.meeting, date: formatDate(c.date), outcome: outcomeName(c.outcome, locale) })}${c.reason ? html`${semicolon(locale)}${m.reason}${colon(locale)}${c.reason}` : ''}</p>
${c.publicationDueAt && !d ? html`<div class="due" id="publication-due">${m.publicationDue}${dueDate(c.publicationDueAt, c.publicationDueCount, locale)}</div>` : ''}`
    : ''
}
${
  d
    ? html`<p class="muted">${fill(m.published, { at: formatDateTime(d.publishedAt) })}</p>
<h3>${m.text}</h3><div class="document">${d.text}</div>
<h3>${m.interpretation}</h3><div class="document">${d.plainLanguage}</div>
${d.qa.length ? html`<h3>${m.qa}</h3><dl class="qa">${d.qa.map((item) => html`<dt>${item.question}</dt><dd>${item.answer}</dd>`)}</dl>` : ''}
${d.adoptionExplanation ? html`<h3>${m.adoption}</h3><div class="document">${d.adoptionExplanation}</div>` : ''}
<dl class="facts"><dt>${m.executionUnit}</dt><dd>${unitName(names, d.executionUnit, locale)}</dd>${d.evaluationDueAt ? html`<dt>${m.evaluationDue}</dt><dd>${formatDate(d.evaluationDueAt)}</dd>` : ''}</dl>`
    : ''
}
</section>`;
}
