import { html, raw, type Html } from '../../site-shell/web/html';
import { defineMessages } from '../../site-shell/web/i18n';
import { renderPage } from '../../site-shell/web/layout';
import type { PageContext } from '../../site-shell/web/page-context';
import { decisionFeedLink, decisionHeader } from '../decision-header';
import { renderFollowForm } from '../follow-decision/follow-pages';
import { renderOpinionForm, type OpinionFormState } from '../submit-opinion/opinion-form';
import { attachmentsSection } from './attachments-section';
import { consultationSection, documentsSection } from './consultation-section';
import { countdownNotice } from './countdown';
import type { DecisionPageData } from './decision-page-data';
import type { DecisionPageModel } from './decision-page-model';
import { executionSection } from './execution-section';
import { feedbackSection } from './feedback-section';
import { opinionsSection } from './opinions-section';
import { outcomeSection } from './outcome-section';

const M = defineMessages(
  {
    summary: '概要',
    executionChannel: '对决策执行的意见',
    nothingYet: '这项决策尚未公布草案，公布后将在此显示。',
    contents: '本页目录',
    history: '征求意见和草案的经过',
  },
  {
    summary: 'Summary',
    executionChannel: 'Opinions on how the decision is carried out',
    nothingYet: 'The draft of this decision has not been published yet; it will appear here.',
    contents: 'On this page',
    history: 'The consultation and the draft’s history',
  },
);

/**
 * What the page leads with (ADR 107): an open consultation puts itself and the opinion form first; a
 * decision in force puts the decision, its interpretation and its progress first and folds the
 * consultation and the draft history; at other stages the page follows the history as it happened.
 */
export type PageOrder = 'consulting' | 'in-force' | 'history';

export function pageOrderOf(stage: string, model: DecisionPageModel): PageOrder {
  const c = model.consultation;
  if (stage === 'consultation' && c?.opened && !c.closedAt) return 'consulting';
  return model.decision ? 'in-force' : 'history';
}

const H2 = /<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g;

/** A contents entry per section heading of `parts` (their words are already escaped by `html`). */
function entriesOf(parts: readonly Html[]): Html[] {
  return parts.flatMap((part) =>
    [...part.value.matchAll(H2)].map(
      ([, id, words]) => html`<li><a href="#${id}">${raw(words!.replace(/<[^>]*>/g, ''))}</a></li>`,
    ),
  );
}

function contents(m: (typeof M)['en'], lead: readonly Html[], folded: readonly Html[]): Html {
  const inFold = entriesOf(folded);
  return html`<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${m.contents}</h2><ol>${entriesOf(lead)}${
    inFold.length ? html`<li><a href="#history">${m.history}</a><ol>${inFold}</ol></li>` : ''
  }</ol></nav>`;
}

/** The whole decision page; `form` is the opinion form's state when it is shown (fresh or after an error). */
export function renderDecisionPage(
  context: PageContext,
  data: DecisionPageData,
  form: OpinionFormState | null,
  now: Date = new Date(),
): Html {
  const m = M[context.locale];
  const { locale } = context;
  const { decision, model } = data;
  const lang = context.query['lang'];
  const action = `/decisions/${encodeURIComponent(decision.id)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
  const order = pageOrderOf(decision.stage, model);
  const formHtml = form
    ? html`${decision.stage !== 'consultation' ? html`<p class="muted">${m.executionChannel}</p>` : ''}${renderOpinionForm(action, form, locale)}`
    : html``;
  const summary = html`<section aria-labelledby="summary-h"><h2 id="summary-h">${m.summary}</h2><p>${decision.summary}</p>${model.documents ? '' : html`<p class="muted">${m.nothingYet}</p>`}</section>`;
  const documents = documentsSection(model, locale);
  const attachments = attachmentsSection(decision.id, model.attachments, locale);
  const consultation = consultationSection(model, data.liveCounts, locale);
  const opinions = opinionsSection(decision.id, data.opinions, locale, lang);
  const feedback = feedbackSection(model.feedback, locale);
  const outcome = outcomeSection(model, locale, data.names);
  const execution = executionSection(decision.id, model, locale, data.names);
  const consultationForm = decision.stage === 'consultation' ? formHtml : html``;
  const executionForm = decision.stage !== 'consultation' ? formHtml : html``;
  const lead: Html[] =
    order === 'consulting'
      ? [summary, consultation, consultationForm, documents, attachments, opinions, feedback, outcome, execution]
      : order === 'in-force'
        ? [summary, outcome, execution, executionForm, attachments]
        : [
            summary,
            documents,
            attachments,
            consultation,
            consultationForm,
            opinions,
            feedback,
            outcome,
            execution,
            executionForm,
          ];
  const folded: Html[] = order === 'in-force' ? [documents, consultation, opinions, feedback] : [];
  const countdown =
    order === 'consulting' && model.consultation ? countdownNotice(model.consultation.closesAt, now, locale) : '';
  const main = html`${decisionHeader(decision, locale, 'overview', data.names)}
${countdown}
${contents(m, lead, folded)}
${lead.map((part) => html`${part}\n`)}${
    folded.some((part) => part.value.trim())
      ? html`<details class="history" id="history"><summary>${m.history}</summary>
${folded.map((part) => html`${part}\n`)}</details>`
      : ''
  }
${renderFollowForm(decision.id, locale, lang)}`;
  return renderPage(context, { title: decision.title, main, head: decisionFeedLink(decision) });
}
