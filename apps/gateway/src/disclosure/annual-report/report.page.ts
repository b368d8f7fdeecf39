import { type AnnualReportRecord } from '../../../../../libs/persistence/src';
import { NARRATIVE_SECTIONS, REMEDY_KINDS, type ReportStatus, TABLE2_CELLS } from '../../../../../libs/domain/src';
import { csrfInput } from '../../site-shell/console/console-page';
import type { Refusal } from '../../site-shell/console/refusal';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, inBrackets, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import { REPORT_WORDS, renderReportBody } from '../../site-shell/web/report-tables';
import { refusalBox } from '../console/disclosure-forms';
import type { ReportView } from './annual-report.handler';

const M = defineMessages(
  {
    title: '政府信息公开工作年度报告',
    open: '新建或打开年度报告',
    unit: '单位',
    year: '年度',
    officeKind: '报告主体',
    department: '政府部门（1月31日前公布）',
    government_office: '政府信息公开工作主管部门（3月31日前公布）',
    due: '公布截止日',
    status: '状态',
    overdue: '已逾期',
    none: '还没有年度报告。',
    openButton: '打开',
    draft: '起草中',
    in_review: '待审核',
    approved: '已审核同意',
    published: '已公布',
    edit: '填写表二与文字部分',
    save: '保存',
    submit: '提交审核',
    submitHint: '提交时按办理记录生成表三、表四并锁定，报告年度结束后才能提交。',
    review: '审核（四眼原则：审核人不能是起草人）',
    approve: '同意公布',
    returnIt: '退回修改',
    verdict: '审核意见',
    note: '说明',
    send: '提交',
    publish: '公布',
    publishHint: '公布后报告及其摘要值写入公开日志，不能再修改。',
    hash: '报告摘要值（SHA-256）',
    publicPage: '查看公开页面',
    steps: '操作记录',
    step: '步骤',
    actor: '操作人',
    at: '时间',
    remedies: '行政复议和行政诉讼记录（表四）',
    kind: '类别',
    filed: '受理日期',
    result: '结果',
    decided: '审结日期',
    add: '登记',
    noRemedies: '没有记录。',
    pending: '尚未审结',
    back: '全部年度报告',
  },
  {
    title: 'Annual reports on government information disclosure',
    open: 'Open a new or existing annual report',
    unit: 'Unit',
    year: 'Year',
    officeKind: 'Reporting body',
    department: 'Government department (publish by 31 January)',
    government_office: 'A government’s disclosure office (publish by 31 March)',
    due: 'Publish by',
    status: 'Status',
    overdue: 'Overdue',
    none: 'No annual report yet.',
    openButton: 'Open',
    draft: 'Draft',
    in_review: 'Awaiting review',
    approved: 'Approved',
    published: 'Published',
    edit: 'Table 2 and the written sections',
    save: 'Save',
    submit: 'Submit for review',
    submitHint: 'Submitting computes Tables 3 and 4 from the record and freezes them; only after the year has ended.',
    review: 'Review (four eyes: not by the author)',
    approve: 'Approve for publication',
    returnIt: 'Return for changes',
    verdict: 'Verdict',
    note: 'Note',
    send: 'Send',
    publish: 'Publish',
    publishHint: 'Publishing writes the report and its digest to the public log; it cannot change afterwards.',
    hash: 'Report digest (SHA-256)',
    publicPage: 'See the public page',
    steps: 'Steps',
    step: 'Step',
    actor: 'By',
    at: 'At',
    remedies: 'Reconsideration and litigation records (Table 4)',
    kind: 'Kind',
    filed: 'Filed',
    result: 'Result',
    decided: 'Decided',
    add: 'Record',
    noRemedies: 'No record.',
    pending: 'Pending',
    back: 'All annual reports',
  },
);

const actorText = (value: unknown): string => (typeof value === 'string' ? value : '');

const statusBadge = (status: ReportStatus, overdue: boolean, locale: Locale): Html => {
  const m = M[locale];
  return html`${m[status]}${overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : ''}`;
};

export function renderReportList(
  context: PageContext,
  session: { csrf: string; actor: { unit: string } },
  items: ReadonlyArray<{ report: AnnualReportRecord; overdue: boolean }>,
  refusal?: Refusal,
): { title: string; main: Html } {
  const { locale } = context;
  const m = M[locale];
  const lastYear = new Date().getUTCFullYear() - 1;
  const table = items.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.year}</th><th scope="col">${m.unit}</th><th scope="col">${m.due}</th><th scope="col">${m.status}</th></tr></thead>
<tbody>${items.map(
        ({
          report,
          overdue,
        }) => html`<tr${overdue ? html` class="row--overdue"` : ''}><td><a href="/console/disclosure/reports/${encodeURIComponent(report.reportId)}">${String(report.year)}</a></td>
<td>${report.unit}</td><td><time datetime="${report.dueDate}">${report.dueDate}</time></td><td>${statusBadge(report.status, overdue, locale)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.none}</p>`;
  const main = html`<h1>${m.title}</h1>${table}
<section class="card" aria-labelledby="open-h"><h2 id="open-h">${m.open}</h2>
${refusal ? refusalBox(refusal, locale) : ''}
<form method="post" action="/console/disclosure/reports">${csrfInput(session)}
<div class="field"><label for="ar-unit">${m.unit}</label><input id="ar-unit" name="unit" value="${session.actor.unit}" required></div>
<div class="field"><label for="ar-year">${m.year}</label><input id="ar-year" name="year" type="number" value="${String(lastYear)}" required></div>
<div class="field"><label for="ar-kind">${m.officeKind}</label><select id="ar-kind" name="officeKind"><option value="department">${m.department}</option><option value="government_office">${m.government_office}</option></select></div>
<div><button type="submit">${m.openButton}</button></div></form></section>`;
  return { title: m.title, main };
}

function editForm(view: ReportView, session: { csrf: string }, locale: Locale): Html {
  const m = M[locale];
  const id = encodeURIComponent(view.report.reportId);
  const pick = REPORT_WORDS.pick;
  return html`<section class="card" aria-labelledby="edit-h"><h2 id="edit-h">${m.edit}</h2>
<form method="post" action="/console/disclosure/reports/${id}/step/edit">${csrfInput(session)}
${TABLE2_CELLS.map(
  (cell) =>
    html`<div class="field"><label for="t2-${cell}">${pick(REPORT_WORDS.table2[cell], locale)}</label><input id="t2-${cell}" name="table2.${cell}" inputmode="decimal" value="${String(view.report.table2[cell])}"></div>`,
)}
${NARRATIVE_SECTIONS.map(
  (section) =>
    html`<div class="field"><label for="nr-${section}">${pick(REPORT_WORDS.section[section], locale)}</label><textarea id="nr-${section}" name="narrative.${section}" rows="5">${view.report.narrative[section]}</textarea></div>`,
)}
<div><button type="submit">${m.save}</button></div></form>
<form method="post" action="/console/disclosure/reports/${id}/step/submit">${csrfInput(session)}<p class="muted">${m.submitHint}</p><div><button type="submit">${m.submit}</button></div></form></section>`;
}

function reviewForm(view: ReportView, session: { csrf: string }, locale: Locale): Html {
  const m = M[locale];
  const id = encodeURIComponent(view.report.reportId);
  return html`<section class="card" aria-labelledby="review-h"><h2 id="review-h">${m.review}</h2>
<form method="post" action="/console/disclosure/reports/${id}/step/review">${csrfInput(session)}
<fieldset><legend>${m.verdict}</legend>
<div><input type="radio" id="rv-yes" name="approved" value="true" checked><label for="rv-yes">${m.approve}</label></div>
<div><input type="radio" id="rv-no" name="approved" value="false"><label for="rv-no">${m.returnIt}</label></div></fieldset>
<div class="field"><label for="rv-note">${m.note}</label><textarea id="rv-note" name="note" rows="3"></textarea></div>
<div><button type="submit">${m.send}</button></div></form></section>`;
}

function publishForm(view: ReportView, session: { csrf: string }, locale: Locale): Html {
  const m = M[locale];
  const id = encodeURIComponent(view.report.reportId);
  return html`<section class="card" aria-labelledby="publish-h"><h2 id="publish-h">${m.publish}</h2>
<form method="post" action="/console/disclosure/reports/${id}/step/publish">${csrfInput(session)}<p class="muted">${m.publishHint}</p><div><button type="submit">${m.publish}</button></div></form></section>`;
}

function remediesSection(view: ReportView, session: { csrf: string }, locale: Locale): Html {
  const m = M[locale];
  const pick = REPORT_WORDS.pick;
  const id = encodeURIComponent(view.report.reportId);
  const rows = view.remedies.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${m.kind}</th><th scope="col">${m.filed}</th><th scope="col">${m.result}</th><th scope="col">${m.decided}</th></tr></thead>
<tbody>${view.remedies.map(
        (r) =>
          html`<tr><td>${pick(REPORT_WORDS.remedy[r.kind], locale)}</td><td>${r.filedDate}</td><td>${r.result ? pick(REPORT_WORDS.remedyResult[r.result], locale) : m.pending}</td><td>${r.decidedDate ?? ''}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">${m.noRemedies}</p>`;
  return html`<section class="card" aria-labelledby="remedies-h"><h2 id="remedies-h">${m.remedies}</h2>${rows}
<form method="post" action="/console/disclosure/reports/${id}/remedies">${csrfInput(session)}
<div class="field"><label for="rm-kind">${m.kind}</label><select id="rm-kind" name="kind">${REMEDY_KINDS.map(
    (kind) => html`<option value="${kind}">${pick(REPORT_WORDS.remedy[kind], locale)}</option>`,
  )}</select></div>
<div class="field"><label for="rm-filed">${m.filed}</label><input id="rm-filed" name="filedDate" type="date" required></div>
<div class="field"><label for="rm-result">${m.result}</label><select id="rm-result" name="result"><option value="">${m.pending}</option>${(
    ['upheld', 'corrected', 'other'] as const
  ).map(
    (result) => html`<option value="${result}">${pick(REPORT_WORDS.remedyResult[result], locale)}</option>`,
  )}</select></div>
<div class="field"><label for="rm-decided">${m.decided}</label><input id="rm-decided" name="decidedDate" type="date"></div>
<div><button type="submit">${m.add}</button></div></form></section>`;
}

export function renderReportPage(
  context: PageContext,
  session: { csrf: string },
  view: ReportView,
  refusal?: Refusal,
): { title: string; main: Html } {
  const { locale } = context;
  const m = M[locale];
  const { report } = view;
  const title = `${report.year} ${m.title}`;
  const forms =
    report.status === 'draft'
      ? editForm(view, session, locale)
      : report.status === 'in_review'
        ? reviewForm(view, session, locale)
        : report.status === 'approved'
          ? publishForm(view, session, locale)
          : html`<p><a href="/disclosure/reports/${encodeURIComponent(report.reportId)}">${m.publicPage}</a></p>`;
  const main = html`<p><a href="/console/disclosure/reports">${m.back}</a></p>
<h1>${report.year}${locale === 'en' ? ' — ' : '年度'}${report.unit}</h1>
<dl class="facts"><dt>${m.status}</dt><dd id="report-status">${statusBadge(report.status, view.overdue, locale)}</dd>
<dt>${m.due}</dt><dd><time datetime="${report.dueDate}">${report.dueDate}</time>${inBrackets(m[report.officeKind], locale)}</dd>
${report.contentSha256 ? html`<dt>${m.hash}</dt><dd><code id="report-hash">${report.contentSha256}</code></dd>` : ''}</dl>
${refusal ? refusalBox(refusal, locale) : ''}
${forms}
${renderReportBody(view.tables, report.narrative, locale)}
${remediesSection(view, session, locale)}
<section aria-labelledby="steps-h"><h2 id="steps-h">${m.steps}</h2><div class="table-wrap"><table><thead><tr><th scope="col">${m.step}</th><th scope="col">${m.actor}</th><th scope="col">${m.at}</th></tr></thead>
<tbody>${view.log.map(
    (e) =>
      html`<tr><td>${e.type}</td><td>${actorText(e.actor['accountId'])}${e.actor['role'] ? inBrackets(actorText(e.actor['role']), locale) : ''}</td><td>${e.occurredAt}</td></tr>`,
  )}</tbody></table></div></section>`;
  return { title, main };
}
