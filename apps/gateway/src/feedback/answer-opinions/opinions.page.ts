import { VERDICTS } from '../../../../../libs/domain/src';
import type { ClusterView, StaffOpinion } from '../../../../../libs/persistence/src';
import { STANCES, type Stance } from '../../../../../libs/opinion-analysis/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { stageName } from '../../site-shell/web/stage-names';
import { channelName } from '../../site-shell/web/words';
import { ACTION_FORMS } from '../../decisions/act-on-decision/action-fields';
import { refusalNotice } from '../../decisions/act-on-decision/action-form.render';
import { csrfInput } from '../../site-shell/console/console-page';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { M } from './opinions.messages';
import { OPINIONS_PAGE_SIZE, type OpinionsWork } from './opinions.loader';
import { VERDICT_NAMES } from './verdict-names';
import type { Refusal } from '../../site-shell/console/refusal';
import type { FormBody } from '../../site-shell/console/form-body';

/** Which form of the page a POST came from: the refusal and the typed values go back to it. */
export type OpinionsForm = 'answers' | 'merge' | 'split' | 'relabel' | 'confirm' | 'template' | 'withhold';

export interface OpinionsView extends OpinionsWork {
  done?: { form: OpinionsForm; count?: number };
  refused?: { form: OpinionsForm; values: FormBody; refusal: Refusal };
}

const one = (values: FormBody | undefined, name: string): string => {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const many = (values: FormBody | undefined, name: string): Set<string> => {
  const v = values?.[name];
  return new Set(Array.isArray(v) ? v : v ? [v] : []);
};

function verdictSelect(id: string, name: string, value: string, locale: Locale, optional: boolean): Html {
  return html`<select id="${id}" name="${name}"${attrs({ required: !optional })}><option value="">${M[locale].chooseVerdict}</option>
${VERDICTS.map((v) => html`<option value="${v}"${attrs({ selected: v === value })}>${VERDICT_NAMES[v][locale]}</option>`)}</select>`;
}

function stanceName(m: (typeof M)[Locale], stance: Stance): string {
  const names: Record<Stance, string> = {
    support: m.stanceSupport,
    oppose: m.stanceOppose,
    mixed: m.stanceMixed,
    none: m.stanceNone,
  };
  return names[stance];
}

const confirmFormId = (clusterId: string): string => `confirm-label-${clusterId}`;
/** Needs staff's confirmation before the public sees it (ADR 77); the placeholder category's name does not. */
const unconfirmed = (c: ClusterView): boolean => c.kind !== 'placeholder' && c.labelConfirmedAt === null;

/**
 * An unconfirmed label: its badge, and the label to confirm as it is or edit, with a button; both belong
 * (HTML `form` attribute) to the cluster's own small form outside the page's big form (`confirmForms`).
 */
function labelConfirmCell(c: ClusterView, typed: FormBody | undefined, locale: Locale): Html | '' {
  if (!unconfirmed(c)) return '';
  const m = M[locale];
  const form = confirmFormId(c.clusterId);
  const value = one(typed, 'clusterId') === c.clusterId ? one(typed, 'label') : c.label;
  return html`<div class="stack"><span class="badge badge--overdue">${m.labelUnconfirmed}</span>
<input type="text" name="label" form="${form}" value="${value}" aria-label="${fill(m.confirmLabelField, { cluster: c.clusterId })}">
<button type="submit" class="secondary" form="${form}">${m.confirmLabelSubmit}</button></div>`;
}

function confirmForms(clusters: ClusterView[], base: string, session: ConsoleSession): Html {
  return html`${clusters
    .filter(unconfirmed)
    .map(
      (c) =>
        html`<form method="post" action="${base}/clusters/confirm-label" id="${confirmFormId(c.clusterId)}" hidden>${csrfInput(session)}<input type="hidden" name="clusterId" value="${c.clusterId}"></form>`,
    )}`;
}

function clusterRows(
  clusters: ClusterView[],
  values: FormBody | undefined,
  locale: Locale,
  base: string,
  confirmTyped: FormBody | undefined,
): Html {
  const m = M[locale];
  const chosen = many(values, 'clusters');
  return html`${clusters.map(
    (
      c,
    ) => html`<tr><td><input type="checkbox" name="clusters" value="${c.clusterId}"${attrs({ checked: chosen.has(c.clusterId), 'aria-label': fill(m.selectCluster, { label: c.label }) })}></td>
<td><a href="${base}/opinions?cluster=${c.clusterId}#raw-h"><code>${c.clusterId}</code><span class="visually-hidden"> ${m.showCluster}</span></a></td><td>${c.label}${c.concentrated ? html` <span class="badge badge--overdue">${m.concentrated}</span>` : ''}${c.kind === 'placeholder' ? html` <span class="badge">${m.placeholder}</span>` : html` <span class="badge">${m.stance}：${stanceName(m, c.stance)}</span>`}<br><span class="meta">${c.keywords.join(' · ')}</span>${labelConfirmCell(c, confirmTyped, locale)}</td>
<td class="num">${c.size}</td><td><div class="opinion">${c.representative?.text ?? ''}</div></td>
<td>${c.answer ? html`<strong>${VERDICT_NAMES[c.answer.verdict][locale]}</strong>: ${c.answer.text}${c.answer.reason ? html`<br><span class="meta">${m.reason}: ${c.answer.reason}</span>` : ''}` : html`<span class="muted">${m.unanswered}</span>`}</td></tr>`,
  )}`;
}

/** The reasons of the `withhold-opinion` action, with the workspace form's words. */
const WITHHOLD_REASON_OPTIONS = ACTION_FORMS['withhold-opinion']!.fields.find((f) => f.name === 'reason')!.options!;
const withholdFormId = (receipt: string): string => `withhold-${receipt}`;

/**
 * A withheld opinion shows its status and reason; any other has a reason select and a button that
 * belong (HTML `form` attribute) to its own small form, rendered outside the page's big form by
 * `withholdForms` — forms cannot nest.
 */
function statusCell(o: StaffOpinion, locale: Locale): Html {
  const m = M[locale];
  if (o.status === 'withheld') {
    const reason =
      WITHHOLD_REASON_OPTIONS.find((r) => r.value === o.withheldReason)?.label[locale] ?? o.withheldReason ?? '';
    return html`<strong>${m.withheld}</strong> (${reason})`;
  }
  const form = withholdFormId(o.receipt);
  return html`${m.published}<div class="stack"><select name="reason" form="${form}" required aria-label="${fill(m.withholdReason, { receipt: o.receipt })}"><option value="">${m.chooseReason}</option>
${WITHHOLD_REASON_OPTIONS.map((r) => html`<option value="${r.value}">${r.label[locale]}</option>`)}</select>
<button type="submit" class="secondary" form="${form}">${m.withholdSubmit}</button></div>`;
}

function withholdForms(opinions: StaffOpinion[], base: string, session: ConsoleSession): Html {
  return html`${opinions
    .filter((o) => o.status !== 'withheld')
    .map(
      (o) =>
        html`<form method="post" action="${base}/opinions/withhold" id="${withholdFormId(o.receipt)}" hidden>${csrfInput(session)}<input type="hidden" name="receipt" value="${o.receipt}"></form>`,
    )}`;
}

function opinionRows(opinions: StaffOpinion[], values: FormBody | undefined, locale: Locale): Html {
  const m = M[locale];
  const chosen = many(values, 'receipts');
  return html`${opinions.map(
    (
      o,
    ) => html`<tr><td><input type="checkbox" name="receipts" value="${o.receipt}"${attrs({ checked: chosen.has(o.receipt), 'aria-label': fill(m.selectOpinion, { receipt: o.receipt }) })}></td>
<td><code>${o.receipt}</code><br><span class="meta">${formatDateTime(o.receivedAt)} · ${channelName(o.channel, locale)}</span></td>
<td><div class="opinion">${o.textRaw}</div>${o.contact ? html`<span class="meta">${m.contact}: ${Object.values(o.contact).join(' · ')}</span>` : ''}</td>
<td>${statusCell(o, locale)}</td></tr>`,
  )}`;
}

function notice(view: OpinionsView, form: OpinionsForm, locale: Locale): Html | '' {
  return view.refused?.form === form ? refusalNotice(view.refused.refusal, locale, `refusal-${form}`) : '';
}

function doneText(done: NonNullable<OpinionsView['done']>, locale: Locale): string {
  const m = M[locale];
  if (done.form === 'answers') return fill(m.answered, { n: done.count ?? 0 });
  return done.form === 'withhold' ? m.withheldDone : m.saved;
}

export function renderOpinions(
  context: PageContext,
  session: ConsoleSession,
  view: OpinionsView,
): { title: string; main: Html } {
  const m = M[context.locale];
  const { locale } = context;
  const { record, clusters, opinions, templates } = view;
  const values = view.refused?.values;
  const base = `/console/decisions/${record.id}`;
  const pages = Math.max(1, Math.ceil(opinions.total / OPINIONS_PAGE_SIZE));
  const pageHref = (p: number): string =>
    `${base}/opinions?${view.cluster ? `cluster=${view.cluster}&` : ''}page=${p}#raw-h`;
  const pager = html`<nav aria-label="${m.raw}"><ul class="pagination">${opinions.page > 1 ? html`<li><a href="${pageHref(opinions.page - 1)}">${m.prev}</a></li>` : ''}
<li>${fill(m.pageOf, { page: opinions.page, pages, total: opinions.total })}</li>${opinions.page < pages ? html`<li><a href="${pageHref(opinions.page + 1)}">${m.next}</a></li>` : ''}</ul></nav>`;
  const splitFrom = one(values, 'splitCluster') || view.cluster || '';
  const clusterOptions = (name: string): Html =>
    html`<option value="">${m.chooseCluster}</option>${(clusters?.items ?? []).map((c) => html`<option value="${c.clusterId}"${attrs({ selected: one(values, name) === c.clusterId })}>${c.clusterId} · ${c.label}</option>`)}`;
  const main = html`<p><a href="${base}">${m.back}</a></p>
<h1>${fill(m.heading, { title: record.title })}</h1>
<p class="meta"><span class="badge badge--stage">${stageName(record.stage, locale)}</span> ${record.unit === session.actor.unit && session.unitName ? (locale === 'en' && session.unitName.nameEn) || session.unitName.name : record.unit}</p>
${view.done ? html`<p class="notice notice--ok" role="status">${doneText(view.done, locale)}</p>` : ''}
<form method="post" action="${base}/answers" id="work-form">${csrfInput(session)}
<section aria-labelledby="clusters-h"><h2 id="clusters-h">${m.clusters}</h2>
${
  clusters
    ? html`<p class="muted">${fill(m.clustersHint, { n: clusters.opinions, from: clusters.concentratedFrom })}</p>
${clusters.items.some(unconfirmed) ? html`<p class="notice notice--warn">${m.labelsUnconfirmedHint}</p>` : ''}${notice(view, 'confirm', locale)}
<div class="table-wrap"><table class="table--wide"><thead><tr><th scope="col"><span class="visually-hidden">${m.select}</span></th><th scope="col">${m.id}</th><th scope="col">${m.label}</th><th scope="col" class="num">${m.size}</th><th scope="col">${m.representative}</th><th scope="col">${m.answer}</th></tr></thead>
<tbody>${clusterRows(clusters.items, values, locale, base, view.refused?.form === 'confirm' ? values : undefined)}</tbody></table></div>`
    : html`<p class="notice notice--warn">${m.notClustered}</p>`
}
</section>
<section aria-labelledby="answer-h"><h2 id="answer-h">${m.answerHeading}</h2><p class="muted">${m.answerHint}</p>${notice(view, 'answers', locale)}
<div class="stack">
<div class="field"><label for="a-verdict">${m.verdict}</label>${verdictSelect('a-verdict', 'verdict', one(values, 'verdict'), locale, true)}</div>
<div class="field"><label for="a-template">${m.template}</label><span class="hint" id="a-template-hint">${m.templateHint}</span><select id="a-template" name="templateId" aria-describedby="a-template-hint"><option value="">${m.noTemplate}</option>
${templates.map((t) => html`<option value="${t.templateId}"${attrs({ selected: one(values, 'templateId') === t.templateId })}>${t.title} (${VERDICT_NAMES[t.verdict][locale]})</option>`)}</select></div>
<div class="field"><label for="a-text">${m.text}</label><textarea id="a-text" name="text" rows="4">${one(values, 'text')}</textarea></div>
<div class="field"><label for="a-reason">${m.reason}</label><span class="hint" id="a-reason-hint">${m.reasonHint}</span><textarea id="a-reason" name="reason" rows="3" aria-describedby="a-reason-hint">${one(values, 'reason')}</textarea></div>
<div><button type="submit">${m.answerSubmit}</button></div></div></section>
${
  clusters
    ? html`<section aria-labelledby="merge-h"><h2 id="merge-h">${m.mergeHeading}</h2>${notice(view, 'merge', locale)}<div class="stack">
<div class="field"><label for="m-label">${m.mergeLabel}</label><input type="text" id="m-label" name="mergeLabel" value="${one(values, 'mergeLabel')}"></div>
<div><button type="submit" class="secondary" formaction="${base}/clusters/merge">${m.mergeSubmit}</button></div></div></section>
<section aria-labelledby="split-h"><h2 id="split-h">${m.splitHeading}</h2><p class="muted">${m.splitHint}</p>${notice(view, 'split', locale)}<div class="stack">
<div class="field"><label for="s-cluster">${m.cluster}</label><select id="s-cluster" name="splitCluster"><option value="">${m.chooseCluster}</option>
${clusters.items.map((c) => html`<option value="${c.clusterId}"${attrs({ selected: splitFrom === c.clusterId })}>${c.clusterId} · ${c.label}</option>`)}</select></div>
<div class="field"><label for="s-label">${m.newLabel}</label><input type="text" id="s-label" name="splitLabel" value="${one(values, 'splitLabel')}"></div>
<div><button type="submit" class="secondary" formaction="${base}/clusters/split">${m.splitSubmit}</button></div></div></section>`
    : ''
}
<section aria-labelledby="raw-h"><h2 id="raw-h">${m.raw}</h2>${notice(view, 'withhold', locale)}
${view.cluster ? html`<p>${fill(m.rawOfCluster, { cluster: view.cluster })} <a href="${base}/opinions#raw-h">${m.showAll}</a></p>` : ''}
${
  opinions.items.length
    ? html`<div class="table-wrap"><table class="table--wide"><thead><tr><th scope="col"><span class="visually-hidden">${m.select}</span></th><th scope="col">${m.receipt}</th><th scope="col">${m.opinion}</th><th scope="col">${m.status}</th></tr></thead>
<tbody>${opinionRows(opinions.items, values, locale)}</tbody></table></div>${pager}`
    : html`<p class="muted">${m.noOpinions}</p>`
}
</section></form>
${withholdForms(opinions.items, base, session)}
${clusters ? confirmForms(clusters.items, base, session) : ''}
${
  clusters
    ? html`<section aria-labelledby="relabel-h"><h2 id="relabel-h">${m.relabelHeading}</h2>${notice(view, 'relabel', locale)}
<form method="post" action="${base}/clusters/relabel" class="stack">${csrfInput(session)}
<div class="field"><label for="r-cluster">${m.cluster}</label><select id="r-cluster" name="clusterId" required>${clusterOptions('clusterId')}</select></div>
<div class="field"><label for="r-label">${m.newLabel}</label><input type="text" id="r-label" name="label" value="${view.refused?.form === 'relabel' ? one(values, 'label') : ''}"></div>
<div class="field"><label for="r-stance">${m.stance}</label><select id="r-stance" name="stance"><option value="">${m.stanceUnchanged}</option>${STANCES.map((s) => html`<option value="${s}">${stanceName(m, s)}</option>`)}</select></div>
<div><button type="submit" class="secondary">${m.relabelSubmit}</button></div></form></section>`
    : ''
}
<section aria-labelledby="templates-h"><h2 id="templates-h">${m.templates}</h2>
${templates.length ? html`<ul>${templates.map((t) => html`<li><strong>${t.title}</strong> <code>${t.templateId}</code> · ${VERDICT_NAMES[t.verdict][locale]}: ${t.text}</li>`)}</ul>` : html`<p class="muted">${m.noTemplates}</p>`}
<h3>${m.newTemplate}</h3>${notice(view, 'template', locale)}
<form method="post" action="${base}/answer-templates" class="stack">${csrfInput(session)}
<div class="field"><label for="t-title">${m.templateTitle}</label><input type="text" id="t-title" name="title" required value="${view.refused?.form === 'template' ? one(values, 'title') : ''}"></div>
<div class="field"><label for="t-verdict">${m.verdict}</label>${verdictSelect('t-verdict', 'verdict', view.refused?.form === 'template' ? one(values, 'verdict') : '', locale, false)}</div>
<div class="field"><label for="t-text">${m.text}</label><textarea id="t-text" name="text" rows="3" required>${view.refused?.form === 'template' ? one(values, 'text') : ''}</textarea></div>
<div><button type="submit" class="secondary">${m.templateSubmit}</button></div></form></section>`;
  return { title: fill(m.heading, { title: record.title }), main };
}
