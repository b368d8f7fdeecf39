import { html, type Html } from '../../site-shell/web/html';
import { defineMessages } from '../../site-shell/web/i18n';
import { renderPage } from '../../site-shell/web/layout';
import type { PageContext } from '../../site-shell/web/page-context';
import { decisionFeedLink, decisionHeader } from '../decision-header';
import { renderOpinionForm, type OpinionFormState } from '../submit-opinion/opinion-form';
import { attachmentsSection } from './attachments-section';
import { consultationSection, documentsSection } from './consultation-section';
import type { DecisionPageData } from './decision-page-data';
import { executionSection } from './execution-section';
import { feedbackSection } from './feedback-section';
import { opinionsSection } from './opinions-section';
import { outcomeSection } from './outcome-section';

const M = defineMessages(
  { summary: '概要', executionChannel: '对决策执行的意见', nothingYet: '这项决策尚未公布草案，公布后将在此显示。' },
  {
    summary: 'Summary',
    executionChannel: 'Opinions on how the decision is carried out',
    nothingYet: 'The draft of this decision has not been published yet; it will appear here.',
  },
);

/** The whole decision page; `form` is the opinion form's state when it is shown (fresh or after an error). */
export function renderDecisionPage(context: PageContext, data: DecisionPageData, form: OpinionFormState | null): Html {
  const m = M[context.locale];
  const { decision, model } = data;
  const lang = context.query['lang'];
  const action = `/decisions/${encodeURIComponent(decision.id)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
  const formHtml = form
    ? html`${decision.stage !== 'consultation' ? html`<p class="muted">${m.executionChannel}</p>` : ''}${renderOpinionForm(action, form, context.locale)}`
    : '';
  const main = html`${decisionHeader(decision, context.locale, 'overview', data.names)}
<section aria-labelledby="summary-h"><h2 id="summary-h">${m.summary}</h2><p>${decision.summary}</p>${model.documents ? '' : html`<p class="muted">${m.nothingYet}</p>`}</section>
${documentsSection(model, context.locale)}
${attachmentsSection(decision.id, model.attachments, context.locale)}
${consultationSection(model, data.liveCounts, context.locale)}
${decision.stage === 'consultation' ? formHtml : ''}
${opinionsSection(decision.id, data.opinions, context.locale, lang)}
${feedbackSection(model.feedback, context.locale)}
${outcomeSection(model, context.locale, data.names)}
${executionSection(decision.id, model, context.locale, data.names)}
${decision.stage !== 'consultation' ? formHtml : ''}`;
  return renderPage(context, { title: decision.title, main, head: decisionFeedLink(decision) });
}
