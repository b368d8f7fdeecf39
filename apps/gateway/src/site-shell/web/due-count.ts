import type { DueCount } from '../../../../../libs/domain/src';
import { html, type Html } from './html';
import { defineMessages, fill, formatDateTime, type Locale } from './i18n';

const M = defineMessages(
  {
    provisional: '预计',
    how: '如何计算',
    counted: '自 {from} 起计 {days} 个工作日（工作日历第 {version} 版）。',
    holidays: '跳过节假日：{dates}。',
    weekends: '跳过周末：{n} 天。',
    makeUp: '计入调休上班日：{dates}。',
    provisionalWhy:
      '期间有日期属于尚未公布放假安排的年份，按《全国年节及纪念日放假办法》暂定；国务院公布放假安排后期限将重新计算。',
    sources: '依据：{sources}。',
    none: '无',
  },
  {
    provisional: 'provisional',
    how: 'How it was counted',
    counted: '{days} working days from {from} (working-day calendar version {version}).',
    holidays: 'Holidays skipped: {dates}.',
    weekends: 'Weekend days skipped: {n}.',
    makeUp: 'Make-up working days counted: {dates}.',
    provisionalWhy:
      'Part of the span lies in a year whose holiday arrangement is not published yet: it is counted on the statutory holidays and will be recounted once the State Council publishes it.',
    sources: 'Source: {sources}.',
    none: 'none',
  },
);

/**
 * A working-day due date with its explanation (ADR 23): the date, 预计/provisional when a day of its span
 * lies in a provisional year, and a `<details>` with the start, the number of working days, the holidays
 * and weekends skipped and the make-up days counted. Without a count (dates from before), the date alone.
 */
export function dueDate(at: string, count: DueCount | null | undefined, locale: Locale): Html {
  const m = M[locale];
  const date = html`<time datetime="${at}">${formatDateTime(at)}</time>`;
  if (!count) return date;
  const list = (dates: string[]) => (dates.length ? dates.join(locale === 'en' ? ', ' : '、') : m.none);
  return html`${date}${count.provisional ? html` <span class="badge badge--provisional">${m.provisional}</span>` : ''}
<details class="due-count"><summary>${m.how}</summary>
<p>${fill(m.counted, { from: formatDateTime(count.from), days: count.workingDays, version: count.calendarVersion })}
${fill(m.holidays, { dates: list(count.holidaysSkipped) })} ${fill(m.weekends, { n: count.weekendsSkipped.length })} ${fill(m.makeUp, { dates: list(count.makeUpDaysCounted) })}
${fill(m.sources, { sources: count.sources.join(locale === 'en' ? '; ' : '；') })}</p>
${count.provisional ? html`<p>${m.provisionalWhy}</p>` : ''}</details>`;
}
