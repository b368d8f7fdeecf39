import {
  type DisclosureAction,
  type DisclosureStage,
  OUTCOMES,
  STAGE_LABELS,
  STANDARD_REMEDY_NOTICE,
} from '../../../../../libs/domain/src';
import type { CaseLogEntry } from '../../../../../libs/persistence/src';
import { csrfInput } from '../../site-shell/console/console-page';
import type { FormBody } from '../../site-shell/console/form-body';
import type { Refusal } from '../../site-shell/console/refusal';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, inBrackets, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import type { DisclosureCase } from '../disclosure-case';
import { channelName, deadlineName, deliveryName, eventName } from './case-words';
import { COMMAND_FORMS, offeredCommands } from './command-forms';
import { formFields, refusalBox } from './disclosure-forms';

const M = defineMessages(
  {
    title: '依申请公开办理',
    back: '返回申请列表',
    facts: '申请',
    receipt: '回执编号',
    unit: '单位',
    channel: '收到渠道',
    stage: '阶段',
    handler: '承办人账号',
    information: '申请公开的信息',
    delivery: '提供形式和获取方式',
    applicant: '申请人（仅工作人员可见）',
    name: '姓名或名称',
    idDocument: '身份证件',
    contact: '联系方式',
    lookupSecret: '查询密码（请告知申请人，凭回执编号和查询密码查询办理进度和答复）',
    clocks: '期限',
    received: '收到申请之日',
    clockStart: '答复期限起算日',
    due: '答复截止日',
    paused: '暂停计算的工作日',
    pausedNow: '暂停中',
    consultation: '征求意见',
    payment: '等待缴费',
    awaitingCorrection: '等待补正，补正截止日 {date}',
    stopped: '已办结（{date}）',
    extension: '延长',
    extensionOf: '{days}个工作日，{date}批准',
    customPeriod: '另行确定的期限',
    customOf: '{days}个工作日：{reason}',
    overdue: '已逾期',
    pending: '待届满的期限',
    none: '无',
    reply: '答复',
    outcome: '答复类型',
    reasons: '理由',
    review: '审核',
    awaitingReview: '等待另一名工作人员审核',
    approved: '已同意（审核人 {who}）',
    returned: '已退回（审核人 {who}）',
    preview: '查看答复书',
    pdf: '下载答复书（PDF）',
    documentHash: '答复书SHA-256',
    commands: '办理',
    noCommands: '该申请已归档，不能再办理。',
    log: '办理记录',
    seq: '序号',
    occurred: '记录时间',
    step: '事项',
    date: '日期',
    actor: '办理人',
    hash: '哈希',
    done: '已办理：{what}。',
    registered: '已登记，承办人为您。',
    submit: '提交',
  },
  {
    title: 'Disclosure request',
    back: 'Back to the requests',
    facts: 'Request',
    receipt: 'Receipt',
    unit: 'Unit',
    channel: 'Channel',
    stage: 'Stage',
    handler: 'Handler account',
    information: 'Information requested',
    delivery: 'Form and way of delivery',
    applicant: 'Applicant (staff only)',
    name: 'Name',
    idDocument: 'Identity document',
    contact: 'Contact',
    lookupSecret: 'Lookup secret (give it to the applicant: with the receipt it shows the progress and the reply)',
    clocks: 'Clocks',
    received: 'Received',
    clockStart: 'Reply clock starts',
    due: 'Reply due',
    paused: 'Working days paused',
    pausedNow: 'Paused',
    consultation: 'consultation',
    payment: 'awaiting payment',
    awaitingCorrection: 'Awaiting the correction, due {date}',
    stopped: 'Closed ({date})',
    extension: 'Extension',
    extensionOf: '{days} working days, approved {date}',
    customPeriod: 'Custom period',
    customOf: '{days} working days: {reason}',
    overdue: 'Overdue',
    pending: 'Pending deadlines',
    none: 'None',
    reply: 'Reply',
    outcome: 'Outcome',
    reasons: 'Reasons',
    review: 'Review',
    awaitingReview: 'Waiting for another staff member to review',
    approved: 'Approved (by {who})',
    returned: 'Returned (by {who})',
    preview: 'View the reply document',
    pdf: 'Download the reply document (PDF)',
    documentHash: 'Document SHA-256',
    commands: 'Next steps',
    noCommands: 'The request is archived; nothing more can be done.',
    log: 'Case log',
    seq: 'Seq',
    occurred: 'Recorded',
    step: 'Step',
    date: 'Date',
    actor: 'By',
    hash: 'Hash',
    done: 'Done: {what}.',
    registered: 'Registered; you are its handler.',
    submit: 'Submit',
  },
);

export interface CasePageView {
  found: DisclosureCase;
  applicant: { name: string; idDocument: string; contact: Record<string, string> } | null;
  /** The lookup secret of a request staff registered, to hand to its applicant (ADR 123). */
  lookupSecret?: string;
  done?: string;
  refused?: { action: DisclosureAction; values: FormBody; refusal: Refusal };
}

const stageName = (stage: string, locale: Locale): string =>
  STAGE_LABELS[stage as DisclosureStage]?.[locale === 'en' ? 'en' : 'zh'] ?? stage;
const row = (label: string, value: Html | string, _locale: Locale): Html => html`<dt>${label}</dt><dd>${value}</dd>`;
const actorText = (value: unknown): string => (typeof value === 'string' ? value : '');
const day = (date: string): Html => html`<time datetime="${date}">${date}</time>`;

function clocks(view: CasePageView, locale: Locale): Html {
  const m = M[locale];
  const { state, clock, deadlines, overdue } = view.found;
  const status =
    clock.status === 'running'
      ? html`${day(clock.dueDate)}${overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : ''}`
      : clock.status === 'paused'
        ? `${m.pausedNow}${inBrackets(clock.reasons.map((r) => m[r]).join(locale === 'en' ? ', ' : '、'), locale)}`
        : clock.status === 'awaiting_correction'
          ? fill(m.awaitingCorrection, { date: clock.correctionDueDate })
          : fill(m.stopped, { date: clock.closedDate });
  return html`<dl class="facts">${row(m.received, day(state.receivedDate), locale)}${row(m.clockStart, day(state.clockStartDate), locale)}
${row(m.due, status, locale)}${clock.status === 'running' ? row(m.paused, String(clock.pausedWorkingDays), locale) : ''}
${state.extension ? row(m.extension, fill(m.extensionOf, { days: state.extension.workingDays, date: state.extension.date }), locale) : ''}
${state.customPeriod ? row(m.customPeriod, fill(m.customOf, { days: state.customPeriod.workingDays, reason: state.customPeriod.reason }), locale) : ''}
${row(m.pending, deadlines.length ? html`<ul>${deadlines.map((d) => html`<li>${deadlineName(d.kind, locale)} ${day(d.lastDay)}</li>`)}</ul>` : m.none, locale)}</dl>`;
}

function replySection(view: CasePageView, locale: Locale): Html {
  const m = M[locale];
  const { state, request } = view.found;
  const draft = state.replyDraft;
  if (!draft) return '' as unknown as Html;
  const review = draft.review
    ? fill(draft.review.approved ? m.approved : m.returned, { who: draft.review.reviewerId })
    : m.awaitingReview;
  const id = encodeURIComponent(request.requestId);
  return html`<section aria-labelledby="reply-h"><h2 id="reply-h">${m.reply}</h2><dl class="facts">
${row(m.outcome, locale === 'en' ? OUTCOMES[draft.outcome].en : OUTCOMES[draft.outcome].zh, locale)}
${draft.reasons ? row(m.reasons, draft.reasons, locale) : ''}${row(m.review, review, locale)}
${state.replyDocument ? row(m.documentHash, html`<code>${state.replyDocument.sha256}</code>`, locale) : ''}</dl>
<p><a href="/console/disclosure/${id}/reply-document">${m.preview}</a> · <a href="/console/disclosure/${id}/reply-document.pdf">${m.pdf}</a></p></section>`;
}

function commandForms(view: CasePageView, context: PageContext, session: ConsoleSession): Html {
  const m = M[context.locale];
  const { locale } = context;
  const offered = offeredCommands(view.found.state, session.actor);
  if (!offered.length) return html`<p class="muted">${m.noCommands}</p>`;
  const id = encodeURIComponent(view.found.request.requestId);
  return html`${offered.map((action) => {
    const form = COMMAND_FORMS[action];
    const refused = view.refused?.action === action ? view.refused : undefined;
    const values: FormBody =
      refused?.values ?? (action === 'draft-reply' ? { remedyNotice: STANDARD_REMEDY_NOTICE } : {});
    return html`<section class="card" aria-labelledby="cmd-${action}"><h3 id="cmd-${action}">${form.title[locale === 'en' ? 'en' : 'zh']}</h3>
${refused ? refusalBox(refused.refusal, locale) : ''}
<form method="post" action="/console/disclosure/${id}/act/${action}">${csrfInput(session)}
${formFields(`f-${action}`, form.fields, values, locale, refused?.refusal)}<div><button type="submit">${m.submit}</button></div></form></section>`;
  })}`;
}

function logTable(log: readonly CaseLogEntry[], locale: Locale): Html {
  const m = M[locale];
  return html`<div class="table-wrap"><table><thead><tr><th scope="col" class="num">${m.seq}</th><th scope="col">${m.step}</th><th scope="col">${m.date}</th><th scope="col">${m.actor}</th><th scope="col">${m.occurred}</th><th scope="col">${m.hash}</th></tr></thead>
<tbody>${log.map(
    (
      e,
    ) => html`<tr><td class="num">${e.seq}</td><td>${eventName(e.event.type, locale)}</td><td>${day(e.event.date)}</td>
<td>${actorText(e.actor['accountId'])}${inBrackets(actorText(e.actor['role']), locale)}</td><td>${formatDateTime(e.occurredAt)}</td><td><code title="${e.hash}">${e.hash.slice(0, 12)}</code></td></tr>`,
  )}</tbody></table></div>`;
}

export function renderCasePage(
  context: PageContext,
  session: ConsoleSession,
  view: CasePageView,
): { title: string; main: Html } {
  const { locale } = context;
  const m = M[locale];
  const { request, state, log } = view.found;
  const done = view.done && view.done in COMMAND_FORMS ? COMMAND_FORMS[view.done as DisclosureAction] : undefined;
  const main = html`<p><a href="/console/disclosure">${m.back}</a></p>
<h1>${m.title} ${request.receipt}</h1>
${done ? html`<div class="notice notice--ok" role="status"><p>${fill(m.done, { what: done.title[locale === 'en' ? 'en' : 'zh'] })}</p></div>` : ''}
${view.done === 'registered' ? html`<div class="notice notice--ok" role="status"><p>${m.registered}</p></div>` : ''}
<section aria-labelledby="facts-h"><h2 id="facts-h">${m.facts}</h2><dl class="facts">
${row(m.receipt, request.receipt, locale)}${row(m.unit, request.unit, locale)}${row(m.channel, channelName(request.channel, locale), locale)}
${row(m.stage, html`<span class="badge badge--stage">${stageName(state.stage, locale)}</span>`, locale)}${row(m.handler, state.handlerId, locale)}
${row(m.information, request.informationDescription, locale)}${row(m.delivery, deliveryName(request.deliveryForm, request.deliveryWay, locale), locale)}</dl></section>
${view.applicant ? html`<section aria-labelledby="applicant-h"><h2 id="applicant-h">${m.applicant}</h2><dl class="facts">${row(m.name, view.applicant.name, locale)}${row(m.idDocument, view.applicant.idDocument, locale)}${row(m.contact, Object.values(view.applicant.contact).filter(Boolean).join(' · '), locale)}${view.lookupSecret ? row(m.lookupSecret, html`<code>${view.lookupSecret}</code>`, locale) : ''}</dl></section>` : ''}
<section aria-labelledby="clocks-h"><h2 id="clocks-h">${m.clocks}</h2>${clocks(view, locale)}</section>
${replySection(view, locale)}
<section aria-labelledby="commands-h"><h2 id="commands-h">${m.commands}</h2>${commandForms(view, context, session)}</section>
<section aria-labelledby="log-h"><h2 id="log-h">${m.log}</h2>${logTable(log, locale)}</section>`;
  return { title: `${m.title} ${request.receipt}`, main };
}
