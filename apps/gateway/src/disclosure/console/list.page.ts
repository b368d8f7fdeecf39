import { type DisclosureStage, STAGE_LABELS } from '../../../../../libs/domain/src';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, inBrackets, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import type { DisclosureListItem } from '../list-disclosure-requests/disclosure-list';
import { channelName } from './case-words';

const M = defineMessages(
  {
    title: '依申请公开',
    heading: '政府信息公开申请',
    register: '登记信件、当面或传真申请',
    reports: '年度报告',
    reportsOverdue: '有 {n} 份政府信息公开工作年度报告已超过公布截止日仍未公布。',
    scope: '办理中的申请共 {n} 件，逾期的排在最前。',
    receipt: '回执编号',
    unit: '单位',
    channel: '渠道',
    received: '收到日期',
    stage: '阶段',
    due: '答复截止日',
    overdue: '已逾期',
    paused: '暂停',
    awaiting_correction: '等待补正',
    stopped: '已答复',
    none: '没有办理中的申请。',
    legend: '状态说明',
    legendText: '截止日按工作日历计算，暂停期间不计',
  },
  {
    title: 'Disclosure requests',
    heading: 'Requests for disclosure',
    register: 'Register a letter, visit or fax',
    reports: 'Annual reports',
    reportsOverdue: '{n} annual disclosure reports are past their publication date and not published.',
    scope: '{n} open requests, overdue first.',
    receipt: 'Receipt',
    unit: 'Unit',
    channel: 'Channel',
    received: 'Received',
    stage: 'Stage',
    due: 'Reply due',
    overdue: 'Overdue',
    paused: 'Paused',
    awaiting_correction: 'Awaiting correction',
    stopped: 'Replied',
    none: 'No open request.',
    legend: 'Note',
    legendText: 'due dates count working days on the calendar; pauses do not count',
  },
);

const stageName = (stage: string, locale: Locale): string =>
  STAGE_LABELS[stage as DisclosureStage]?.[locale === 'en' ? 'en' : 'zh'] ?? stage;

function dueCell(item: DisclosureListItem, locale: Locale): Html {
  const m = M[locale];
  const { clock, overdue, dueDate } = item.standing;
  const badge = overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : '';
  if (clock.status === 'running') return html`<time datetime="${clock.dueDate}">${clock.dueDate}</time>${badge}`;
  const state = m[clock.status];
  return html`${state}${dueDate ? inBrackets(dueDate, locale) : ''}${badge}`;
}

export function renderDisclosureList(
  context: PageContext,
  _session: ConsoleSession,
  items: readonly DisclosureListItem[],
  overdueReports = 0,
): { title: string; main: Html } {
  const { locale } = context;
  const m = M[locale];
  const table = items.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.receipt}</th><th scope="col">${m.unit}</th><th scope="col">${m.channel}</th><th scope="col">${m.received}</th><th scope="col">${m.stage}</th><th scope="col">${m.due}</th></tr></thead>
<tbody>${items.map(
        (
          item,
        ) => html`<tr${item.standing.overdue ? html` class="row--overdue"` : ''}><td><a href="/console/disclosure/${encodeURIComponent(item.request.requestId)}">${item.request.receipt}</a></td>
<td>${item.request.unit}</td><td>${channelName(item.request.channel, locale)}</td><td><time datetime="${item.request.receivedDate}">${item.request.receivedDate}</time></td>
<td>${stageName(item.standing.state.stage, locale)}</td><td>${dueCell(item, locale)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.none}</p>`;
  const main = html`<h1>${m.heading}</h1>
<p><a class="button" href="/console/disclosure/new">${m.register}</a> <a href="/console/disclosure/reports">${m.reports}</a></p>
${overdueReports > 0 ? html`<div class="notice notice--error" role="alert" id="reports-overdue"><p><a href="/console/disclosure/reports">${fill(m.reportsOverdue, { n: overdueReports })}</a></p></div>` : ''}
<p class="muted">${fill(m.scope, { n: items.length })}</p>
<p class="muted">${m.legend}${colon(locale)}${m.legendText}</p>
${table}`;
  return { title: m.title, main };
}
