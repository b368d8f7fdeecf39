import type { ConsultationCounts } from '../../../../../libs/domain/src';
import { html, type Html } from '../../site-shell/web/html';
import {
  colon,
  defineMessages,
  inBrackets,
  semicolon,
  fill,
  formatDateTime,
  type Locale,
} from '../../site-shell/web/i18n';
import { channelName, withheldReasonName } from '../../site-shell/web/words';
import type { DecisionPageModel } from './decision-page-model';
import { dueDate } from '../../site-shell/web/due-count';

const M = defineMessages(
  {
    documents: '决策草案、依据和起草说明',
    version: '第 {version} 稿，公布于 {at}',
    versions: '已公布的版本',
    draft: '决策草案',
    basis: '决策依据',
    explanation: '起草说明',
    plan: '征求意见安排',
    window: '征求意见时间',
    to: '至',
    channels: '征求意见渠道',
    shortened: '征求意见期限少于 30 日的理由',
    extended: '延期：截止时间由 {from} 延长至 {to}，理由：{reason}',
    notOpen: '尚未开始',
    open: '正在征求意见',
    closed: '已结束',
    status: '状态',
    counts: '意见统计',
    countsLive: '截至目前',
    countsFrozen: '征求意见结束时冻结',
    received: '收到',
    published: '公开展示',
    withheld: '未公开展示',
    byChannel: '按渠道',
    feedbackDue: '采纳情况反馈公布期限：',
    hearings: '听证会',
    hearingAt: '{at}，{place}',
    selection: '参加人产生方式',
    participants: '参加人',
    held: '已举行：{n} 人参加，形成意见 {o} 条，签字笔录 {ref}',
    records: '线下征求意见记录',
    record: '{channel}：{at}，{n} 人参加，形成意见 {o} 条',
  },
  {
    documents: 'Draft, basis and explanation',
    version: 'Version {version}, published {at}',
    versions: 'Published versions',
    draft: 'Draft decision',
    basis: 'Basis',
    explanation: 'Explanation',
    plan: 'Consultation plan',
    window: 'Consultation period',
    to: 'to',
    channels: 'Channels',
    shortened: 'Why the consultation is shorter than 30 days',
    extended: 'Extended from {from} to {to}; reason: {reason}',
    notOpen: 'Not open yet',
    open: 'Open for opinions',
    closed: 'Closed',
    status: 'Status',
    counts: 'Opinions',
    countsLive: 'so far',
    countsFrozen: 'frozen when the consultation closed',
    received: 'Received',
    published: 'Published',
    withheld: 'Not shown',
    byChannel: 'By channel',
    feedbackDue: 'The adoption feedback is due by: ',
    hearings: 'Hearings',
    hearingAt: '{at}, {place}',
    selection: 'How participants were chosen',
    participants: 'Participants',
    held: 'Held: {n} participants, {o} opinions, signed record {ref}',
    records: 'Offline consultation records',
    record: '{channel}: {at}, {n} participants, {o} opinions',
  },
);

export function documentsSection(model: DecisionPageModel, locale: Locale): Html {
  const m = M[locale];
  const d = model.documents;
  if (!d) return html``;
  return html`<section aria-labelledby="docs-h"><h2 id="docs-h">${m.documents}</h2>
<p class="muted">${fill(m.version, { version: d.version, at: formatDateTime(d.publishedAt) })}</p>
<h3>${m.draft}</h3><div class="document">${d.draft}</div>
<h3>${m.basis}</h3><div class="document">${d.basis}</div>
<h3>${m.explanation}</h3><div class="document">${d.explanation}</div>
${model.versions.length > 1 ? html`<h3>${m.versions}</h3><ul>${model.versions.map((v) => html`<li>${fill(m.version, { version: v.version, at: formatDateTime(v.publishedAt) })}</li>`)}</ul>` : ''}
</section>`;
}

function countsTable(counts: ConsultationCounts, live: boolean, locale: Locale): Html {
  const m = M[locale];
  const withheld = Object.entries(counts.withheld);
  const channels = Object.entries(counts.byChannel);
  return html`<div class="table-wrap"><table><caption>${m.counts}${inBrackets(live ? m.countsLive : m.countsFrozen, locale)}</caption><tbody>
<tr><th scope="row">${m.received}</th><td class="num">${counts.received}</td></tr>
<tr><th scope="row">${m.published}</th><td class="num">${counts.published}</td></tr>
${withheld.length ? withheld.map(([reason, n]) => html`<tr><th scope="row">${m.withheld}${inBrackets(withheldReasonName(reason, locale), locale)}</th><td class="num">${n}</td></tr>`) : html`<tr><th scope="row">${m.withheld}</th><td class="num">0</td></tr>`}
${channels.map(([channel, n]) => html`<tr><th scope="row">${m.byChannel}${colon(locale)}${channelName(channel, locale)}</th><td class="num">${n}</td></tr>`)}
</tbody></table></div>`;
}

/** Plan, window, extensions, counts (live while open, frozen after the seal), hearings and offline records. */
export function consultationSection(
  model: DecisionPageModel,
  liveCounts: ConsultationCounts | null,
  locale: Locale,
): Html {
  const m = M[locale];
  const c = model.consultation;
  if (!c) return html``;
  const status = c.closedAt ? m.closed : c.opened ? m.open : m.notOpen;
  const counts = c.counts ?? (c.opened ? liveCounts : null);
  return html`<section aria-labelledby="plan-h"><h2 id="plan-h">${m.plan}</h2>
<dl class="facts">
<dt>${m.status}</dt><dd>${status}</dd>
<dt>${m.window}</dt><dd><time datetime="${c.opensAt}">${formatDateTime(c.opensAt)}</time> ${m.to} <time datetime="${c.closesAt}">${formatDateTime(c.closesAt)}</time></dd>
<dt>${m.channels}</dt><dd>${c.channels.map((ch) => channelName(ch, locale)).join(locale === 'en' ? ', ' : '、')}</dd>
${c.shortenedReason ? html`<dt>${m.shortened}</dt><dd>${c.shortenedReason}</dd>` : ''}
</dl>
${c.extensions.map((e) => html`<p class="notice notice--warn">${fill(m.extended, { from: formatDateTime(e.previousClosesAt), to: formatDateTime(e.closesAt), reason: e.reason })}</p>`)}
${counts ? countsTable(counts, !c.counts, locale) : ''}
${c.feedbackDueAt ? html`<div class="due" id="feedback-due">${m.feedbackDue}${dueDate(c.feedbackDueAt, c.feedbackDueCount, locale)}</div>` : ''}
${
  model.hearings.length
    ? html`<h3>${m.hearings}</h3><ul>${model.hearings.map(
        (
          h,
        ) => html`<li>${fill(m.hearingAt, { at: formatDateTime(h.date), place: h.place })}${semicolon(locale)}${m.selection}${colon(locale)}${h.selectionMethod}${semicolon(locale)}${m.participants}${colon(locale)}${h.participants.join(locale === 'zh-CN' ? '、' : ', ')}
${h.held ? html`<br>${fill(m.held, { n: h.held.participantsCount, o: h.held.opinionsCount, ref: h.held.signedRecordRef })}` : ''}</li>`,
      )}</ul>`
    : ''
}
${model.channelRecords.length ? html`<h3>${m.records}</h3><ul>${model.channelRecords.map((r) => html`<li>${fill(m.record, { channel: channelName(r.channel, locale), at: formatDateTime(r.date), n: r.participantsCount, o: r.opinionsCount })}</li>`)}</ul>` : ''}
</section>`;
}
