import type { DecisionState, PendingReview } from '../../../../../libs/domain/src';
import { html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, formatDateTime, inBrackets, type Locale } from '../../site-shell/web/i18n';
import { unitName } from '../../site-shell/web/names';
import { channelName, legalityName, reviewKindName } from '../../site-shell/web/words';
import type { FormLists } from '../act-on-decision/action-form.render';

const M = defineMessages(
  {
    facts: '办理情况',
    draft: '草案（第 {v} 版）',
    noDraft: '尚无草案',
    plan: '征求意见方案',
    window: '期限',
    shortened: '缩短理由',
    approved: '已批准',
    notApproved: '待分管领导批准',
    consultation: '征求意见期',
    hearings: '听证会',
    held: '已举行',
    reviews: '待审查的提交',
    submitted: '提交于',
    dueBy: '审查期限',
    legality: '合法性审查',
    requested: '已提请，期限',
    adoption: '集体讨论决定',
    adopted: '已通过，公布期限',
    milestones: '执行里程碑',
    findings: '审计发现的问题',
    rectified: '已整改',
    evaluation: '决策后评估',
    evaluator: '评估单位',
  },
  {
    facts: 'Where it stands',
    draft: 'Draft (version {v})',
    noDraft: 'No draft yet',
    plan: 'Consultation plan',
    window: 'Window',
    shortened: 'Reason for a shorter period',
    approved: 'approved',
    notApproved: 'waiting for a manager’s approval',
    consultation: 'Consultation',
    hearings: 'Hearings',
    held: 'held',
    reviews: 'Submissions awaiting review',
    submitted: 'submitted',
    dueBy: 'review due',
    legality: 'Legality review',
    requested: 'requested, due',
    adoption: 'Collective decision',
    adopted: 'adopted; publication due',
    milestones: 'Milestones',
    findings: 'Audit findings',
    rectified: 'rectified',
    evaluation: 'Evaluation',
    evaluator: 'evaluator',
  },
);

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
const clip = (value: string, max = 600): string => (value.length > max ? `${value.slice(0, max)}…` : value);

/** A pending submission with what the reviewer approves: the payload's fields, as text. */
function review(r: PendingReview, locale: Locale): Html {
  const m = M[locale];
  return html`<li><strong>${reviewKindName(r.kind, locale)}</strong> (${r.id}) · ${m.submitted} ${formatDateTime(r.submittedAt)} · ${m.dueBy} ${formatDateTime(r.dueAt)}
<dl class="facts">${Object.entries(r.payload).map(([k, v]) => html`<dt>${k}</dt><dd>${clip(text(v))}</dd>`)}</dl></li>`;
}

/** The workflow's state as a reader needs it to act: documents, windows, hearings, reviews, execution. */
export function renderFacts(state: DecisionState, locale: Locale, lists?: FormLists): Html {
  const unit = (id: string): string => unitName(lists?.names, id, locale);
  const m = M[locale];
  const v = (s: string, n: number | string): string => s.replace('{v}', String(n));
  const rows: Html[] = [];
  rows.push(
    state.draft
      ? html`<dt>${v(m.draft, state.draft.version)}</dt><dd><details><summary>${clip(state.draft.draft, 80)}</summary><div class="document">${state.draft.draft}</div><div class="document">${state.draft.basis}</div><div class="document">${state.draft.explanation}</div></details></dd>`
      : html`<dt>${m.noDraft}</dt><dd></dd>`,
  );
  if (state.plan) {
    rows.push(html`<dt>${m.plan}</dt><dd>${state.plan.channels.map((c) => channelName(c, locale)).join(locale === 'en' ? ', ' : '、')} · ${m.window}${colon(locale)}${formatDateTime(state.plan.opensAt)} – ${formatDateTime(state.plan.closesAt)}
${state.plan.shortenedReason ? html`<br>${m.shortened}${colon(locale)}${state.plan.shortenedReason}${inBrackets(state.plan.shortenedApproved ? m.approved : m.notApproved, locale)}` : ''}</dd>`);
  }
  if (state.consultation)
    rows.push(
      html`<dt>${m.consultation}</dt><dd>${formatDateTime(state.consultation.opensAt)} – ${formatDateTime(state.consultation.closesAt)}</dd>`,
    );
  if (state.hearings?.length)
    rows.push(
      html`<dt>${m.hearings}</dt><dd>${state.hearings.map((h) => html`${h.id} · ${formatDateTime(h.date)} · ${h.place}${h.held ? ` · ${m.held}` : ''}<br>`)}</dd>`,
    );
  if (state.legalityReview)
    rows.push(
      html`<dt>${m.legality}</dt><dd>${state.legalityReview.opinion ? legalityName(state.legalityReview.opinion, locale) : `${m.requested} ${formatDateTime(state.legalityReview.dueAt)}`}</dd>`,
    );
  if (state.adoption)
    rows.push(html`<dt>${m.adoption}</dt><dd>${m.adopted} ${formatDateTime(state.adoption.publicationDueAt)}</dd>`);
  if (state.milestones?.length) {
    rows.push(
      html`<dt>${m.milestones}</dt><dd><ul>${state.milestones.map((x) => html`<li${x.overdue ? html` class="row--overdue"` : ''}>${x.title} · ${unit(x.unit)} · ${formatDateTime(x.dueAt)} · ${x.percent}%</li>`)}</ul></dd>`,
    );
  }
  if (state.findings?.length)
    rows.push(
      html`<dt>${m.findings}</dt><dd>${state.findings.map((f) => html`${lists?.findings?.get(f.id) ?? f.id} · ${formatDateTime(f.rectificationDueAt)}${f.rectified ? ` · ${m.rectified}` : ''}<br>`)}</dd>`,
    );
  if (state.evaluation?.startedAt || state.evaluation?.dueAt) {
    rows.push(
      html`<dt>${m.evaluation}</dt><dd>${formatDateTime(state.evaluation.startedAt ?? state.evaluation.dueAt)}${state.evaluation.evaluatorUnit ? ` · ${m.evaluator}${colon(locale)}${unit(state.evaluation.evaluatorUnit)}` : ''}</dd>`,
    );
  }
  const reviews = state.reviews ?? [];
  return html`<section aria-labelledby="facts-h"><h2 id="facts-h">${m.facts}</h2><dl class="facts">${rows}</dl>
${reviews.length ? html`<h3>${m.reviews}</h3><ul>${reviews.map((r) => review(r, locale))}</ul>` : ''}</section>`;
}
