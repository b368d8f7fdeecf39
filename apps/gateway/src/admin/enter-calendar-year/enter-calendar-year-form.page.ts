import { randomUUID } from 'node:crypto';
import type { PublishedCalendarYear } from '../../../../../libs/persistence/src';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { refusalNotice } from '../../decisions/act-on-decision/action-form.render';
import { csrfInput } from '../../site-shell/console/console-page';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import type { Refusal } from '../../site-shell/console/refusal';
import type { FormBody } from '../../site-shell/console/form-body';

const M = defineMessages(
  {
    title: '工作日历',
    intro:
      '录入国务院办公厅公布的某年放假安排。保存后，正在办理的决策事项按新日历重新计算以工作日计算的期限，并在公开日志中记录；已届满的期限不受影响。每次录入都会留存记录。',
    year: '年份',
    holidays: '节假日（每行一个日期，YYYY-MM-DD，含放假期间的周末）',
    workdays: '调休上班日（每行一个日期，须为星期六或星期日）',
    sourceReference: '通知文号（如 国办发明电〔2026〕7号）',
    sourceDate: '通知日期（YYYY-MM-DD）',
    submit: '保存放假安排',
    years: '当前日历',
    official: '正式',
    provisional: '预计',
    line: '{year} 年（{status}）：节假日 {h} 天，调休上班日 {w} 天；依据 {source}',
    done: '已保存，第 {version} 版。正在办理的决策事项正在重新计算期限。',
    board: '返回工作台',
    public: '公开的工作日历页面',
  },
  {
    title: 'Working-day calendar',
    intro:
      'Enter a year’s holiday arrangement as the General Office of the State Council published it. Once saved, running decisions recount their working-day deadlines and the public log records it; deadlines that already passed stay as they are. Every entry is kept.',
    year: 'Year',
    holidays: 'Holidays (one date a line, YYYY-MM-DD, weekend days of a holiday block included)',
    workdays: 'Make-up working days (one date a line, each a Saturday or Sunday)',
    sourceReference: 'Notice number (e.g. 国办发明电〔2026〕7号)',
    sourceDate: 'Notice date (YYYY-MM-DD)',
    submit: 'Save the arrangement',
    years: 'The calendar now',
    official: 'official',
    provisional: 'provisional',
    line: '{year} ({status}): {h} holidays, {w} make-up working days; source {source}',
    done: 'Saved as version {version}. Running decisions are recounting their deadlines.',
    board: 'Back to the board',
    public: 'The public calendar page',
  },
);

const value = (body: FormBody, key: string): string => (typeof body[key] === 'string' ? body[key] : '');

/** The administrators' calendar page: the years as they are, and the form for one year's arrangement. */
export function renderCalendarForm(
  context: PageContext,
  session: ConsoleSession,
  view: { years: PublishedCalendarYear[]; values: FormBody; refusal?: Refusal; savedVersion?: number },
): { title: string; main: Html } {
  const m = M[context.locale];
  const v = view.values;
  const key = value(v, 'idempotencyKey') || randomUUID();
  const main = html`<p><a href="/console">${m.board}</a> · <a href="/calendar">${m.public}</a></p><h1>${m.title}</h1><p>${m.intro}</p>
${view.savedVersion ? html`<p class="notice" role="status" id="calendar-saved">${fill(m.done, { version: view.savedVersion })}</p>` : ''}
${view.refusal ? refusalNotice(view.refusal, context.locale, 'refusal-calendar') : ''}
<form method="post" action="/console/calendar" class="stack">${csrfInput(session)}<input type="hidden" name="idempotencyKey" value="${key}">
<label>${m.year} <input name="year" inputmode="numeric" required value="${value(v, 'year')}"></label>
<label>${m.holidays} <textarea name="holidays" rows="8" required>${value(v, 'holidays')}</textarea></label>
<label>${m.workdays} <textarea name="workdays" rows="3">${value(v, 'workdays')}</textarea></label>
<label>${m.sourceReference} <input name="sourceReference" required value="${value(v, 'sourceReference')}"></label>
<label>${m.sourceDate} <input name="sourceDate" required value="${value(v, 'sourceDate')}"></label>
<div><button type="submit">${m.submit}</button></div></form>
<h2>${m.years}</h2><ul>${[...view.years]
    .reverse()
    .map(
      (y) =>
        html`<li>${fill(m.line, { year: y.year, status: y.status === 'official' ? m.official : m.provisional, h: y.holidays.length, w: y.workdays.length, source: y.source })}</li>`,
    )}</ul>`;
  return { title: m.title, main };
}
