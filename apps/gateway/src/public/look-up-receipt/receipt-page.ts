import type { PublicDecision, ReceiptView } from '../../../../../libs/persistence/src';
import { problemText, type PageProblemTexts } from '../../site-shell/web/error-messages';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { channelName, receiptStatusName, verdictName } from '../../site-shell/web/words';

/** The page's own words for its refusals (the console's words for RECEIPT_NOT_FOUND speak to staff). */
const OWN_TEXTS: PageProblemTexts = {
  INVALID_RECEIPT: {
    'zh-CN': '这不是有效的回执编号，请检查是否有输入错误。',
    en: 'This is not a valid receipt number; please check it for typing mistakes.',
  },
  RECEIPT_NOT_FOUND: { 'zh-CN': '没有找到这个回执编号对应的意见。', en: 'No opinion has this receipt number.' },
};

export const M = defineMessages(
  {
    title: '回执查询',
    intro: '输入提交意见时得到的回执编号，查询意见的处理状态；采纳情况反馈公布后，可在此看到答复。',
    label: '回执编号',
    hint: '例如 OD-7K3M-9QX2-H4TR-5，大小写和连字符可省略',
    lookUp: '查询',
    sent: '您的意见已提交成功',
    keep: '请保存回执编号，以便查询处理状态和答复。',
    receipt: '回执编号',
    decision: '所属决策',
    channel: '渠道',
    received: '收到时间',
    status: '状态',
    answer: '答复',
    scopeCluster: '（对「{label}」这类意见的统一答复）',
    scopeClusterUnlabelled: '（对同类意见的统一答复）',
    scopeOwn: '（对本条意见的答复）',
    reason: '理由',
    noAnswer: '采纳情况反馈公布后，将在此显示答复。',
    feedback: '查看采纳情况反馈',
    copy: '复制回执编号',
    copied: '已复制回执编号。',
    copyFailed: '无法自动复制，已选中回执编号，请手动复制。',
    qrTitle: '在手机上保存',
    qrAlt: '本回执页面地址的二维码',
    qrText: '用手机扫描二维码，可随时打开本回执页面查询处理状态和答复。也可以保存这个链接：',
  },
  {
    title: 'Receipt lookup',
    intro:
      'Enter the receipt number you got when you sent your opinion to see its status, and the answer once the adoption feedback is published.',
    label: 'Receipt number',
    hint: 'e.g. OD-7K3M-9QX2-H4TR-5; case and hyphens do not matter',
    lookUp: 'Look up',
    sent: 'Your opinion has been received',
    keep: 'Keep the receipt number to look up its status and the answer.',
    receipt: 'Receipt',
    decision: 'Decision',
    channel: 'Channel',
    received: 'Received',
    status: 'Status',
    answer: 'Answer',
    scopeCluster: ' (the answer to all opinions like “{label}”)',
    scopeClusterUnlabelled: ' (the answer to all opinions like this one)',
    scopeOwn: ' (the answer to this opinion)',
    reason: 'Reason',
    noAnswer: 'The answer will show here once the adoption feedback is published.',
    feedback: 'Read the adoption feedback',
    copy: 'Copy the receipt number',
    copied: 'Receipt number copied.',
    copyFailed: 'Could not copy automatically; the receipt number is selected, please copy it yourself.',
    qrTitle: 'Keep it on your phone',
    qrAlt: 'QR code of this receipt page’s address',
    qrText:
      'Scan the QR code with your phone to open this receipt page at any time and see the status and the answer. Or keep this link: ',
  },
);

/** The receipt page's address as a link and a QR code (server-rendered SVG). */
export interface ReceiptQr {
  url: string;
  svg: Html;
}

export interface ReceiptPageState {
  typed: string;
  found?: { view: ReceiptView; decision: PublicDecision | undefined; qr?: ReceiptQr };
  error?: { code: string; status: number };
  /** The visitor just sent the opinion (the redirect after the form). */
  sent: boolean;
}

/** Whose answer it is: the opinion's own, or its cluster's, named by the label only once staff confirmed it. */
function scopeText(answer: NonNullable<ReceiptView['answer']>, m: (typeof M)[Locale]): string {
  if (answer.scope !== 'cluster' || !answer.cluster) return m.scopeOwn;
  const label = answer.cluster.label;
  return label === null ? m.scopeClusterUnlabelled : m.scopeCluster.replace('{label}', label);
}

/** The receipt number as selectable text; `copy-receipt.js` adds a copy button beside it. */
function copyable(receipt: string, className: string, m: (typeof M)[Locale], id?: string): Html {
  return html`<span class="${className}"${attrs({ id, 'data-copy': '', 'data-copy-label': m.copy, 'data-copied-label': m.copied, 'data-copy-failed-label': m.copyFailed })}>${receipt}</span>`;
}

function qrSection(qr: ReceiptQr, m: (typeof M)[Locale]): Html {
  return html`<section aria-labelledby="qr-h" class="receipt-qr"><h2 id="qr-h">${m.qrTitle}</h2>
<figure>${qr.svg}<figcaption>${m.qrText}<a href="${qr.url}" class="receipt-link">${qr.url}</a></figcaption></figure></section>`;
}

function found(
  view: ReceiptView,
  decision: PublicDecision | undefined,
  sent: boolean,
  locale: Locale,
  qr: ReceiptQr | undefined,
): Html {
  const m = M[locale];
  const answer = view.answer;
  const decisionHref = `/decisions/${encodeURIComponent(view.decisionId)}`;
  return html`${sent ? html`<div class="notice notice--ok" role="status"><h2>${m.sent}</h2><p>${m.receipt}${colon(locale)}</p><p>${copyable(view.receipt, 'receipt', m, 'receipt')}</p><p>${m.keep}</p></div>` : ''}
<section aria-labelledby="status-h"><h2 id="status-h">${m.status}${colon(locale)}${receiptStatusName(view.status, locale)}</h2>
<dl class="facts">
<dt>${m.receipt}</dt><dd>${sent ? html`<span class="receipt-inline">${view.receipt}</span>` : copyable(view.receipt, 'receipt-inline', m)}</dd>
${decision ? html`<dt>${m.decision}</dt><dd><a href="${decisionHref}">${decision.title}</a></dd>` : ''}
<dt>${m.channel}</dt><dd>${channelName(view.channel, locale)}</dd>
<dt>${m.received}</dt><dd><time datetime="${view.receivedAt}">${formatDateTime(view.receivedAt)}</time></dd>
</dl>
${
  answer
    ? html`<h3>${m.answer}${scopeText(answer, m)}</h3>
<p><span class="badge">${verdictName(answer.verdict, locale)}</span> ${answer.text}</p>${answer.reason ? html`<p><strong>${m.reason}${colon(locale)}</strong>${answer.reason}</p>` : ''}
${decision ? html`<p><a href="${decisionHref}#feedback">${m.feedback}</a></p>` : ''}`
    : html`<p class="muted">${m.noAnswer}</p>`
}
</section>
${qr ? qrSection(qr, m) : ''}`;
}

/** The lookup form (GET, works without JavaScript) and, when a receipt was given, its status and answer. */
export function renderReceiptPage(state: ReceiptPageState, locale: Locale, lang: string | undefined): Html {
  const m = M[locale];
  const error = state.error ? problemText(state.error.code, state.error.status, locale, OWN_TEXTS) : '';
  return html`<h1>${m.title}</h1>
${state.found ? found(state.found.view, state.found.decision, state.sent, locale, state.found.qr) : ''}
<section aria-labelledby="lookup-h"><h2 id="lookup-h" class="${state.found ? '' : 'visually-hidden'}">${m.lookUp}</h2><p>${m.intro}</p>
${error ? html`<p class="notice notice--error" role="alert" id="receipt-error">${error}</p>` : ''}
<form class="stack" method="get" action="/receipts">
<div class="field"><label for="receipt-input">${m.label}</label>
<input type="text" id="receipt-input" name="receipt" autocomplete="off" spellcheck="false" maxlength="40"${attrs({ value: state.typed, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? 'receipt-hint receipt-error' : 'receipt-hint' })}>
<span class="hint" id="receipt-hint">${m.hint}</span></div>
${lang ? html`<input type="hidden" name="lang"${attrs({ value: lang })}>` : ''}
<div><button type="submit">${m.lookUp}</button></div></form></section>`;
}
