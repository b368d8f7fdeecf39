import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, type Locale } from '../../site-shell/web/i18n';
import { type Names, unitName } from '../../site-shell/web/names';
import { renderReportBody } from '../../site-shell/web/report-tables';
import type { PublicReport } from './public-reports';

export const M = defineMessages(
  {
    title: '政府信息公开工作年度报告',
    intro: '各单位的年度报告。表三根据依申请公开办理记录自动生成，报告公布时连同摘要值写入公开日志。',
    none: '还没有公布的年度报告。',
    year: '年度',
    unit: '单位',
    published: '公布时间',
    reportTitle: '{unit}{year}年政府信息公开工作年度报告',
    hash: '报告摘要值（SHA-256，报告内容的规范化 JSON）',
    entry: '公开日志条目哈希',
    json: '机器可读版本（JSON）',
    back: '全部年度报告',
    statistics: '依申请公开办理时效',
  },
  {
    title: 'Annual reports on government information disclosure',
    intro:
      'Each unit’s annual report. Table 3 is computed from the records of the requests handled; at publication the report and its digest are written to the public log.',
    none: 'No annual report published yet.',
    year: 'Year',
    unit: 'Unit',
    published: 'Published',
    reportTitle: '{unit}: annual report on government information disclosure, {year}',
    hash: 'Report digest (SHA-256 of the report’s canonical JSON)',
    entry: 'Public log entry hash',
    json: 'Machine-readable version (JSON)',
    back: 'All annual reports',
    statistics: 'Timeliness of disclosure requests',
  },
);

export function renderPublicReportList(
  reports: ReadonlyArray<Omit<PublicReport, 'content' | 'logEntry'>>,
  names: Names,
  locale: Locale,
): Html {
  const m = M[locale];
  const table = reports.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.year}</th><th scope="col">${m.unit}</th><th scope="col">${m.published}</th></tr></thead>
<tbody>${reports.map(
        (
          r,
        ) => html`<tr><td><a href="/disclosure/reports/${encodeURIComponent(r.reportId)}">${String(r.year)}</a></td><td>${unitName(names, r.unit, locale)}</td>
<td><time datetime="${r.publishedAt}">${r.publishedAt.slice(0, 10)}</time></td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.none}</p>`;
  return html`<h1>${m.title}</h1><p>${m.intro}</p>${table}<p><a href="/disclosure/statistics">${m.statistics}</a></p>`;
}

export function renderPublicReport(report: PublicReport, names: Names, locale: Locale): { title: string; main: Html } {
  const m = M[locale];
  const title = m.reportTitle
    .replace('{unit}', unitName(names, report.unit, locale))
    .replace('{year}', String(report.year));
  const main = html`<p><a href="/disclosure/reports">${m.back}</a></p><article><h1>${title}</h1>
<dl class="facts"><dt>${m.published}</dt><dd><time datetime="${report.publishedAt}">${report.publishedAt.slice(0, 10)}</time></dd>
<dt>${m.hash}</dt><dd><code id="report-hash">${report.sha256}</code></dd>
${report.logEntry ? html`<dt>${m.entry}</dt><dd><code>${report.logEntry.hash}</code></dd>` : ''}</dl>
<p><a href="/api/v1/public/disclosure-reports/${encodeURIComponent(report.reportId)}">${m.json}</a></p>
${renderReportBody(report.content.tables, report.content.narrative, locale)}</article>`;
  return { title, main };
}
