import type { PublicCalendar } from './get-calendar.controller';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { unitName, type Names } from '../../site-shell/web/names';

export const M = defineMessages(
  {
    title: '工作日历',
    intro:
      '所有以工作日计算的期限（意见采纳情况反馈、决策公布、审查等）都按本日历计算。已公布放假安排的年份为“正式”；尚未公布的年份按《全国年节及纪念日放假办法》暂定为“预计”，不含调休。国务院公布放假安排后由管理员录入，正在办理的决策事项随即重新计算期限，并在公开日志中记录。',
    year: '{year} 年',
    official: '正式',
    provisional: '预计',
    holidays: '节假日',
    workdays: '调休上班日',
    source: '依据',
    none: '无',
    changes: '调整记录',
    change: '第 {version} 版：{year} 年放假安排，依据 {source}（{date}），{at} 由 {unit} 管理员录入。',
    noChanges: '尚无调整记录。',
    json: 'JSON 数据',
  },
  {
    title: 'Working-day calendar',
    intro:
      'Every deadline counted in working days (adoption feedback, publication of the decision, reviews) is counted on this calendar. A year whose holiday arrangement is published is “official”; a year without one is “provisional”, counted on the statutory holidays alone, without make-up days. Once the State Council publishes an arrangement an administrator enters it, running decisions recount their deadlines, and the public log records it.',
    year: '{year}',
    official: 'official',
    provisional: 'provisional',
    holidays: 'Holidays',
    workdays: 'Make-up working days',
    source: 'Source',
    none: 'none',
    changes: 'Changes',
    change:
      'Version {version}: the {year} arrangement, from {source} ({date}), entered {at} by an administrator of {unit}.',
    noChanges: 'No changes recorded yet.',
    json: 'JSON data',
  },
);

/** The public calendar page: each year with its days, status and source, then the changes, newest first. */
export function renderCalendar(calendar: PublicCalendar, locale: Locale, names?: Names): Html {
  const m = M[locale];
  const list = (dates: string[]) => (dates.length ? dates.join(locale === 'en' ? ', ' : '、') : m.none);
  const years = [...calendar.years].reverse();
  return html`<h1>${m.title}</h1><p>${m.intro}</p><p><a href="/api/v1/public/calendar">${m.json}</a></p>
${years.map(
  (
    y,
  ) => html`<section aria-labelledby="y${y.year}" class="calendar-year"><h2 id="y${y.year}">${fill(m.year, { year: y.year })} <span class="badge${y.status === 'provisional' ? ' badge--provisional' : ''}">${y.status === 'official' ? m.official : m.provisional}</span></h2>
<dl class="facts"><dt>${m.holidays}</dt><dd>${list(y.holidays)}</dd><dt>${m.workdays}</dt><dd>${list(y.workdays)}</dd><dt>${m.source}</dt><dd>${y.source}</dd></dl></section>`,
)}
<section aria-labelledby="changes-h"><h2 id="changes-h">${m.changes}</h2>
${calendar.changes.length ? html`<ul>${calendar.changes.map((c) => html`<li>${fill(m.change, { version: c.version, year: c.year, source: c.sourceReference, date: c.sourceDate, at: formatDateTime(c.changedAt), unit: unitName(names, c.changedBy.unit, locale) })}</li>`)}</ul>` : html`<p>${m.noChanges}</p>`}
</section>`;
}
