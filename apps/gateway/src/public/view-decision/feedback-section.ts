import { html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, inBrackets, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { channelName, verdictName, withheldReasonName } from '../../site-shell/web/words';
import type { FeedbackClusterView, FeedbackView } from './decision-page-model';

const M = defineMessages(
  {
    heading: '意见采纳情况反馈',
    published: '公布于 {at}（公开日志第 {seq} 条）',
    summary: '概要',
    changes: '草案修改情况',
    statistics: '统计',
    received: '收到意见',
    shown: '公开展示',
    withheld: '未公开展示',
    channel: '渠道',
    answered: '答复结果',
    clusters: '相对集中的意见及答复',
    others: '其他意见归类',
    cluster: '「{label}」（{size} 条意见）',
    representative: '代表性意见',
    answer: '答复',
    reason: '理由',
    unanswered: '未单独答复',
    concentrated: '相对集中',
  },
  {
    heading: 'Adoption feedback',
    published: 'Published {at} (public log entry {seq})',
    summary: 'Summary',
    changes: 'How the draft changed',
    statistics: 'Statistics',
    received: 'Opinions received',
    shown: 'Published',
    withheld: 'Not shown',
    channel: 'Channel',
    answered: 'Answers',
    clusters: 'Concentrated opinions and their answers',
    others: 'Other groups of opinions',
    cluster: '“{label}” ({size} opinions)',
    representative: 'Representative opinion',
    answer: 'Answer',
    reason: 'Reason',
    unanswered: 'Not answered separately',
    concentrated: 'Concentrated',
  },
);

function clusterItem(c: FeedbackClusterView, locale: Locale): Html {
  const m = M[locale];
  return html`<li class="card"><h4>${fill(m.cluster, { label: c.label, size: c.size })}${c.concentrated ? html` <span class="badge badge--open">${m.concentrated}</span>` : ''}</h4>
${c.representativeText ? html`<p><strong>${m.representative}${colon(locale)}</strong></p><p class="opinion">${c.representativeText}</p>` : ''}
${
  c.answer
    ? html`<p><strong>${m.answer}${colon(locale)}</strong><span class="badge">${verdictName(c.answer.verdict, locale)}</span> ${c.answer.text}</p>${c.answer.reason ? html`<p><strong>${m.reason}${colon(locale)}</strong>${c.answer.reason}</p>` : ''}`
    : html`<p class="muted">${m.unanswered}</p>`
}</li>`;
}

/** The published report: summary, changes, statistics, each concentrated cluster with its answer. */
export function feedbackSection(feedback: FeedbackView | null, locale: Locale): Html {
  if (!feedback) return html``;
  const m = M[locale];
  const s = feedback.statistics;
  const row = (label: string, value: number | null): Html | '' =>
    value === null ? '' : html`<tr><th scope="row">${label}</th><td class="num">${value}</td></tr>`;
  const concentrated = feedback.clusters.filter((c) => c.concentrated);
  const others = feedback.clusters.filter((c) => !c.concentrated);
  return html`<section aria-labelledby="feedback-h" id="feedback"><h2 id="feedback-h">${m.heading}</h2>
<p class="muted">${fill(m.published, { at: formatDateTime(feedback.publishedAt), seq: feedback.seq })}</p>
<h3>${m.summary}</h3><div class="document">${feedback.summary}</div>
<h3>${m.changes}</h3><div class="document">${feedback.draftChanges}</div>
<div class="table-wrap"><table><caption>${m.statistics}</caption><tbody>
${row(m.received, s.received)}${row(m.shown, s.published)}
${Object.entries(s.withheld).map(([reason, n]) => row(`${m.withheld}${inBrackets(withheldReasonName(reason, locale), locale)}`, n))}
${Object.entries(s.byChannel).map(([channel, n]) => row(`${m.channel}${colon(locale)}${channelName(channel, locale)}`, n))}
${Object.entries(s.answered)
  .filter(([, n]) => n > 0)
  .map(([verdict, n]) => row(`${m.answered}${colon(locale)}${verdictName(verdict, locale)}`, n))}
</tbody></table></div>
${concentrated.length ? html`<h3>${m.clusters}</h3><ul class="cards">${concentrated.map((c) => clusterItem(c, locale))}</ul>` : ''}
${others.length ? html`<h3>${m.others}</h3><ul class="cards">${others.map((c) => clusterItem(c, locale))}</ul>` : ''}
</section>`;
}
