import { OUTCOME_GROUPS, type OutcomeGroup, type TimelinessStatistics } from '../../../../../libs/domain/src';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, type Locale } from '../../site-shell/web/i18n';
import { type Names, unitName } from '../../site-shell/web/names';

export const M = defineMessages(
  {
    title: '依申请公开办理时效',
    intro:
      '按单位和年度统计：收到的申请、答复件数、从收到到答复的工作日中位数、按期答复比例和办理结果构成。数据由办理记录按现行工作日历计算，逐案数据（不含申请人信息）见开放数据。',
    none: '还没有依申请公开的办理记录。',
    unit: '单位',
    year: '年度',
    received: '收到申请',
    replied: '答复',
    median: '工作日中位数',
    onTime: '按期答复',
    outcomes: '办理结果',
    data: '开放数据（JSON）',
    reports: '政府信息公开工作年度报告',
  },
  {
    title: 'Timeliness of disclosure requests',
    intro:
      'Per unit and year: requests received, replies, the median working days from receipt to reply, the share answered on time and the outcome mix. Computed from the case records on the current working-day calendar; the per-case rows (without any applicant) are in the open data.',
    none: 'No disclosure request on record yet.',
    unit: 'Unit',
    year: 'Year',
    received: 'Received',
    replied: 'Replied',
    median: 'Median working days',
    onTime: 'On time',
    outcomes: 'Outcomes',
    data: 'Open data (JSON)',
    reports: 'Annual reports on government information disclosure',
  },
);

const GROUP_WORDS: Record<OutcomeGroup, readonly [string, string]> = {
  disclosed: ['予以公开', 'disclosed'],
  partly_disclosed: ['部分公开', 'partly disclosed'],
  withheld: ['不予公开', 'withheld'],
  cannot_provide: ['无法提供', 'cannot provide'],
  not_handled: ['不予处理', 'not handled'],
  other: ['其他处理', 'other'],
};

function outcomeMix(row: TimelinessStatistics, locale: Locale): string {
  const parts = OUTCOME_GROUPS.filter((g) => row.outcomes[g] > 0).map(
    (g) => `${GROUP_WORDS[g][locale === 'en' ? 1 : 0]} ${row.outcomes[g]}`,
  );
  return parts.join(locale === 'en' ? ', ' : '，') || '—';
}

const share = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

export function renderStatistics(rows: readonly TimelinessStatistics[], names: Names, locale: Locale): Html {
  const m = M[locale];
  const table = rows.length
    ? html`<div class="table-wrap"><table id="timeliness"><thead><tr><th scope="col">${m.unit}</th><th scope="col">${m.year}</th><th scope="col">${m.received}</th><th scope="col">${m.replied}</th><th scope="col">${m.median}</th><th scope="col">${m.onTime}</th><th scope="col">${m.outcomes}</th></tr></thead>
<tbody>${rows.map(
        (row) =>
          html`<tr><td>${unitName(names, row.unit, locale)}</td><td>${String(row.year)}</td><td>${String(row.received)}</td><td>${String(row.replied)}</td><td>${row.medianWorkingDays === null ? '—' : String(row.medianWorkingDays)}</td><td>${share(row.onTimeShare)}</td><td>${outcomeMix(row, locale)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.none}</p>`;
  return html`<h1>${m.title}</h1><p>${m.intro}</p>${table}<p><a href="/api/v1/public/export/disclosure-timeliness.json">${m.data}</a></p><p><a href="/disclosure/reports">${m.reports}</a></p>`;
}
