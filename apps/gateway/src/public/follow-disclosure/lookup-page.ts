import { problemText, type PageProblemTexts } from '../../site-shell/web/error-messages';
import { dueDate } from '../../site-shell/web/due-count';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, inBrackets, type Locale } from '../../site-shell/web/i18n';
import {
  APPLICANT_KIND_WORDS,
  DELIVERY_FORM_WORDS,
  DELIVERY_WAY_WORDS,
  ID_DOCUMENT_WORDS,
  outcomeWord,
  PAUSE_WORDS,
  stageWord,
  word,
} from '../disclosure-words';
import type { ReplyDocument } from '../../site-shell/web/disclosure-reply/reply-document';
import { replyArticle } from '../../site-shell/web/disclosure-reply/reply-document.html';
import type { ApplicantLookup } from './follow-disclosure.handler';

const OWN_TEXTS: PageProblemTexts = {
  DISCLOSURE_LOOKUP_NOT_FOUND: {
    'zh-CN': '回执编号或查询密码不正确，请核对后重试。',
    en: 'The receipt number or the lookup secret is not right; check both and try again.',
  },
};

export const M = defineMessages(
  {
    title: '政府信息公开申请查询',
    intro: '输入提交申请时得到的回执编号和查询密码，查看申请的办理阶段、答复期限和答复结果。',
    receipt: '回执编号',
    receiptHint: '例如 GK-7K3M-9QX2-H4TR-5，大小写和连字符可省略',
    secret: '查询密码',
    secretHint: '提交申请时显示的 28 位查询密码',
    lookUp: '查询',
    apply: '提交新的政府信息公开申请',
    stage: '办理阶段',
    stages: '办理流程',
    agency: '受理机关',
    applicant: '申请人',
    document: '证件',
    kind: '申请人类型',
    information: '所需信息',
    delivery: '获取方式',
    received: '收到申请日期',
    due: '答复期限',
    clockStart: '自 {date} 起计算',
    awaitingCorrection: '等待申请人补正，补正期限至 {date}；收到补正后答复期限重新计算。',
    paused: '答复期限暂停计算（{reasons}）。',
    stopped: '已于 {date} 办结。',
    pauses: '暂停计算期间',
    pauseOpen: '{from} 起，尚未结束',
    pauseClosed: '{from} 至 {to}',
    correction: '补正',
    correctionText: '{date} 告知补正，补正期限 {days} 个工作日',
    correctionReceived: '，{date} 收到补正',
    extension: '延期答复',
    extensionText: '{date} 经批准延长 {days} 个工作日',
    customPeriod: '答复期限另行确定',
    customPeriodText: '{days} 个工作日。理由：{reason}',
    fee: '信息处理费',
    feeText: '{date} 通知缴纳 {amount} 元',
    feePaid: '，{date} 已缴纳',
    overdueLabel: '逾期',
    overdue: '已超过答复期限（{date}）',
    reply: '答复',
    replyText: '{date} 作出答复：{outcome}',
    basis: '依据',
    replyNote: '答复书按您选择的获取方式送达。',
    replyDocument: '答复书',
    replyHtml: '查看答复书（网页）',
    replyPdf: '下载答复书（PDF）',
    replyHash: '答复书PDF的SHA-256（与办理记录一致）',
    none: '无',
  },
  {
    title: 'Follow a request for information',
    intro:
      'Enter the receipt number and the lookup secret you got when you sent the request to see its stage, the reply due date and the reply.',
    receipt: 'Receipt number',
    receiptHint: 'e.g. GK-7K3M-9QX2-H4TR-5; case and hyphens do not matter',
    secret: 'Lookup secret',
    secretHint: 'The 28-character secret shown when you sent the request',
    lookUp: 'Look up',
    apply: 'Send a new request for information',
    stage: 'Stage',
    stages: 'Stages',
    agency: 'Agency',
    applicant: 'Applicant',
    document: 'Identity document',
    kind: 'Applicant type',
    information: 'Information sought',
    delivery: 'Receiving the information',
    received: 'Received on',
    due: 'Reply due',
    clockStart: 'counted from {date}',
    awaitingCorrection:
      'Waiting for the applicant’s correction, due by {date}; the reply period starts again once it arrives.',
    paused: 'The reply period is paused ({reasons}).',
    stopped: 'Closed on {date}.',
    pauses: 'Pauses',
    pauseOpen: 'from {from}, still running',
    pauseClosed: '{from} to {to}',
    correction: 'Correction',
    correctionText: 'asked on {date}, {days} working days to correct',
    correctionReceived: '; received on {date}',
    extension: 'Extension',
    extensionText: 'approved on {date}: {days} more working days',
    customPeriod: 'Period set for this request',
    customPeriodText: '{days} working days. Reason: {reason}',
    fee: 'Information-processing fee',
    feeText: 'notified on {date}: ¥{amount}',
    feePaid: '; paid on {date}',
    overdueLabel: 'Overdue',
    overdue: 'The reply is overdue (due {date})',
    reply: 'Reply',
    replyText: 'Replied on {date}: {outcome}',
    basis: 'Basis',
    replyNote: 'The reply document is delivered the way you chose.',
    replyDocument: 'Reply document',
    replyHtml: 'Read the reply document (web page)',
    replyPdf: 'Download the reply document (PDF)',
    replyHash: 'SHA-256 of the reply PDF (as the case record states it)',
    none: 'none',
  },
);

export interface LookupPageState {
  typedReceipt: string;
  found?: ApplicantLookup;
  /** The download forms' token (never the secret): see `FollowDisclosureHandler.downloadToken`. */
  downloadToken?: string;
  error?: { code: string; status: number };
}

const STAGE_ORDER = ['registration', 'review', 'handling', 'reply', 'archive'] as const;

function clockText(found: ApplicantLookup, locale: Locale): Html {
  const m = M[locale];
  const { clock } = found.case;
  if (clock.status === 'running' && found.due)
    return html`${dueDate(found.due.at, found.due.count, locale)} <span class="muted">${inBrackets(fill(m.clockStart, { date: found.case.clockStartDate }), locale)}</span>`;
  if (clock.status === 'awaiting_correction')
    return html`${fill(m.awaitingCorrection, { date: clock.correctionDueDate })}`;
  if (clock.status === 'paused') {
    const reasons = clock.reasons.map((r) =>
      word(PAUSE_WORDS, r === 'consultation' ? 'third_party' : 'payment', locale),
    );
    return html`${fill(m.paused, { reasons: reasons.join(locale === 'en' ? ', ' : '、') })}`;
  }
  return html`${fill(m.stopped, { date: clock.status === 'stopped' ? clock.closedDate : '' })}`;
}

function found(view: ApplicantLookup, locale: Locale, downloadToken?: string): Html {
  const m = M[locale];
  const c = view.case;
  const current = STAGE_ORDER.indexOf(c.stage);
  const pauses = c.pauses.map(
    (p) =>
      html`<li>${word(PAUSE_WORDS, p.kind, locale)}${colon(locale)}${p.endDate ? fill(m.pauseClosed, { from: p.startDate, to: p.endDate }) : fill(m.pauseOpen, { from: p.startDate })}</li>`,
  );
  const fact = (label: string, value: Html | string): Html => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<section aria-labelledby="stage-h"><h2 id="stage-h">${m.stage}${colon(locale)}${stageWord(c.stage, locale)}</h2>
<ol class="steps" aria-label="${m.stages}">${STAGE_ORDER.map((stage, i) => html`<li${attrs({ 'aria-current': i === current ? 'step' : undefined })}>${stageWord(stage, locale)}</li>`)}</ol>
<dl class="facts">
${fact(m.receipt, html`<span class="receipt-inline">${view.receipt}</span>`)}
${fact(m.agency, locale === 'en' ? view.unit.nameEn : view.unit.name)}
${fact(m.received, html`<time datetime="${c.receivedDate}">${c.receivedDate}</time>`)}
${fact(m.due, clockText(view, locale))}
${c.overdue ? fact(m.overdueLabel, fill(m.overdue, { date: c.overdue.dueDate })) : ''}
${c.correction ? fact(m.correction, fill(m.correctionText, { date: c.correction.requestedDate, days: c.correction.periodWorkingDays }) + (c.correction.receivedDate ? fill(m.correctionReceived, { date: c.correction.receivedDate }) : '')) : ''}
${fact(m.pauses, pauses.length ? html`<ul>${pauses}</ul>` : m.none)}
${c.extension ? fact(m.extension, fill(m.extensionText, { date: c.extension.date, days: c.extension.workingDays })) : ''}
${c.customPeriod ? fact(m.customPeriod, fill(m.customPeriodText, { days: c.customPeriod.workingDays, reason: c.customPeriod.reason })) : ''}
${c.fee ? fact(m.fee, fill(m.feeText, { date: c.fee.noticedDate, amount: c.fee.amountYuan }) + (c.fee.paidDate ? fill(m.feePaid, { date: c.fee.paidDate }) : '')) : ''}
</dl></section>
${view.reply ? html`<section aria-labelledby="reply-h"><h2 id="reply-h">${m.reply}</h2><p>${fill(m.replyText, { date: view.reply.date, outcome: outcomeWord(view.reply.outcome, locale) })}</p><p>${m.replyNote}</p>${view.reply.document ? replyDocumentPart(view.reply.document, view.reply.sha256 ?? '', locale, downloadToken) : ''}</section>` : ''}
<section aria-labelledby="request-h"><h2 id="request-h">${m.information}</h2>
<dl class="facts">
${fact(m.applicant, view.applicant.name)}
${fact(m.kind, word(APPLICANT_KIND_WORDS, view.applicantKind as never, locale))}
${fact(m.document, `${word(ID_DOCUMENT_WORDS, view.applicant.idDocumentType, locale)} ${view.applicant.idDocumentNumber}`)}
${fact(m.information, html`<span class="document">${view.informationDescription}</span>`)}
${fact(m.delivery, `${word(DELIVERY_FORM_WORDS, view.deliveryForm, locale)}${locale === 'en' ? ', ' : '，'}${word(DELIVERY_WAY_WORDS, view.deliveryWay, locale)}`)}
</dl></section>`;
}

/**
 * The issued reply on the page: the document itself, and two forms (POST, the token hidden) for its HTML and
 * its PDF, so no URL ever leads to it (ADR 123).
 */
function replyDocumentPart(doc: ReplyDocument, sha256: string, locale: Locale, token: string | undefined): Html {
  const m = M[locale];
  const form = (format: 'html' | 'pdf', label: string): Html =>
    html`<form method="post" action="/disclosure/lookup/reply-document.${format}" class="inline-form"><input type="hidden" name="token" value="${token ?? ''}"><button type="submit">${label}</button></form>`;
  return html`<h3>${m.replyDocument}</h3>${replyArticle(doc)}
${token ? html`<div class="actions">${form('html', m.replyHtml)} ${form('pdf', m.replyPdf)}</div>` : ''}
<p class="hint">${m.replyHash}${colon(locale)}<code class="hash">${sha256}</code></p>`;
}

/** The lookup form (POST: the secret stays out of URLs and logs) and, after a lookup, the case. */
export function renderLookupPage(state: LookupPageState, locale: Locale, lang: string | undefined): Html {
  const m = M[locale];
  const error = state.error ? problemText(state.error.code, state.error.status, locale, OWN_TEXTS) : '';
  const langQuery = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  const describedBy = (hint: string): string => (error ? `${hint} lookup-error` : hint);
  return html`<h1>${m.title}</h1>
${state.found ? found(state.found, locale, state.downloadToken) : ''}
<section aria-labelledby="lookup-h"><h2 id="lookup-h" class="${state.found ? '' : 'visually-hidden'}">${m.lookUp}</h2><p>${m.intro}</p>
${error ? html`<p class="notice notice--error" role="alert" id="lookup-error">${error}</p>` : ''}
<form class="stack" method="post" action="/disclosure/lookup${langQuery}" accept-charset="utf-8">
<div class="field"><label for="dl-receipt">${m.receipt}</label>
<input type="text" id="dl-receipt" name="receipt" autocomplete="off" spellcheck="false" maxlength="64" required${attrs({ value: state.typedReceipt, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy('dl-receipt-hint') })}>
<span class="hint" id="dl-receipt-hint">${m.receiptHint}</span></div>
<div class="field"><label for="dl-secret">${m.secret}</label>
<input type="password" id="dl-secret" name="secret" autocomplete="off" spellcheck="false" maxlength="128" required${attrs({ 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy('dl-secret-hint') })}>
<span class="hint" id="dl-secret-hint">${m.secretHint}</span></div>
<div><button type="submit">${m.lookUp}</button></div></form>
<p><a href="/disclosure/apply${langQuery}">${m.apply}</a></p></section>`;
}
