import { html, type Html } from '../../site-shell/web/html';
import {
  colon,
  defineMessages,
  fill,
  formatDate,
  formatDateTime,
  inBrackets,
  type Locale,
} from '../../site-shell/web/i18n';
import { conclusionName, rectificationName, severityName, triggerName } from '../../site-shell/web/words';
import { unitName, type Names } from '../../site-shell/web/names';
import { chartHeight } from '../view-progress-chart/progress-chart';
import type { DecisionPageModel, MilestoneView } from './decision-page-model';

const M = defineMessages(
  {
    execution: '执行进展',
    overall: '总体进度 {p}%（按里程碑权重计算）',
    chartAlt: '执行进度图：各里程碑完成百分比，逾期的里程碑以红色标出。下表列出相同数据。',
    milestones: '里程碑',
    bars: '各里程碑完成进度',
    title: '里程碑',
    unit: '责任单位',
    due: '完成期限',
    weight: '权重',
    progress: '进度',
    status: '状态',
    done: '已完成',
    doneLate: '已完成（曾逾期）',
    overdue: '已逾期',
    onTrack: '进行中',
    latest: '最近进展',
    audit: '审计发现与整改',
    finding: '审计发现',
    severity: '严重程度',
    rectificationDue: '整改期限',
    rectification: '整改情况',
    none: '暂无',
    accountability: '问责情况',
    subject: '问责对象',
    measure: '措施',
    date: '日期',
    evaluation: '决策后评估',
    started: '{at} 启动（{trigger}）',
    evaluator: '评估单位',
    conclusion: '评估结论',
    report: '评估报告',
    changes: '调整与暂停',
    change: '{label}（{at}）',
    major: '重大调整，重新履行决策程序',
    DecisionAdjusted: '调整执行方案',
    DecisionSuspended: '暂停执行',
    DecisionResumed: '恢复执行',
    DecisionTerminated: '终止执行',
    DecisionClosed: '办结归档',
  },
  {
    execution: 'Execution',
    overall: 'Overall progress {p}% (weighted by milestone)',
    chartAlt:
      'Execution progress chart: the percentage done of each milestone; overdue milestones are red. The table below has the same data.',
    milestones: 'Milestones',
    bars: 'Progress of each milestone',
    title: 'Milestone',
    unit: 'Responsible unit',
    due: 'Due',
    weight: 'Weight',
    progress: 'Progress',
    status: 'Status',
    done: 'Completed',
    doneLate: 'Completed (was overdue)',
    overdue: 'Overdue',
    onTrack: 'In progress',
    latest: 'Latest report',
    audit: 'Audit findings and rectification',
    finding: 'Finding',
    severity: 'Severity',
    rectificationDue: 'Rectify by',
    rectification: 'Rectification',
    none: 'None yet',
    accountability: 'Accountability',
    subject: 'Who (unit or role)',
    measure: 'Measure',
    date: 'Date',
    evaluation: 'Evaluation',
    started: 'Started {at} ({trigger})',
    evaluator: 'Evaluator',
    conclusion: 'Conclusion',
    report: 'Report',
    changes: 'Adjustments and suspensions',
    change: '{label} ({at})',
    major: 'major adjustment: the procedure runs again',
    DecisionAdjusted: 'Execution plan adjusted',
    DecisionSuspended: 'Suspended',
    DecisionResumed: 'Resumed',
    DecisionTerminated: 'Terminated',
    DecisionClosed: 'Closed and archived',
  },
);

type Words = (typeof M)['en'];

function milestoneStatus(ms: MilestoneView, m: Words): Html {
  if (ms.completed) return html`${ms.overdue ? m.doneLate : m.done}`;
  return ms.overdue ? html`<span class="badge badge--overdue">${m.overdue}</span>` : html`${m.onTrack}`;
}

function milestonesTable(model: DecisionPageModel, m: Words, unit: (id: string) => string): Html {
  return html`<div class="table-wrap"><table><caption>${m.milestones}</caption>
<thead><tr><th scope="col">${m.title}</th><th scope="col">${m.unit}</th><th scope="col">${m.due}</th><th scope="col" class="num">${m.weight}</th><th scope="col" class="num">${m.progress}</th><th scope="col">${m.status}</th><th scope="col">${m.latest}</th></tr></thead>
<tbody>${model.milestones.map(
    (ms) =>
      html`<tr${ms.overdue && !ms.completed ? html` class="overdue"` : ''}><th scope="row">${ms.title}</th><td>${unit(ms.unit)}</td><td><time datetime="${ms.dueAt}">${formatDate(ms.dueAt)}</time></td><td class="num">${ms.weight}</td><td class="num">${ms.percent}%</td><td>${milestoneStatus(ms, m)}</td><td>${ms.reports.at(-1)?.narrative ?? ''}</td></tr>`,
  )}</tbody></table></div>`;
}

/**
 * The chart's narrow form (ADR 106): one line of text and a native `<progress>` bar per milestone, shown
 * instead of the SVG under the phone breakpoint (the SVG's 720 px would shrink its words to 5 px). The
 * words carry the facts (percentage, overdue, done); the bar only draws them.
 */
function progressBars(milestones: readonly MilestoneView[], m: Words): Html {
  const state = (ms: MilestoneView): string => (ms.completed ? 'bar--done' : ms.overdue ? 'bar--overdue' : '');
  const word = (ms: MilestoneView): string => (ms.completed ? m.done : ms.overdue ? m.overdue : '');
  return html`<ol class="progress-bars" aria-label="${m.bars}">${milestones.map(
    (ms) =>
      html`<li class="${state(ms)}"><span class="bar-label"><span>${ms.title}</span><span>${word(ms) ? html`${word(ms)} · ` : ''}${ms.percent}%</span></span><progress max="100" value="${ms.percent}" aria-hidden="true"></progress></li>`,
  )}</ol>`;
}

/**
 * Execution: the progress chart (an SVG image served by its own route, since ECharts writes inline
 * styles the page CSP forbids) with the same data as a table, audit findings with rectification,
 * accountability, evaluations and changes.
 */
export function executionSection(decisionId: string, model: DecisionPageModel, locale: Locale, names?: Names): Html {
  const m = M[locale];
  const parts: Html[] = [];
  if (model.milestones.length) {
    const overall = model.overallProgress ?? 0;
    parts.push(html`<section aria-labelledby="exec-h" id="execution"><h2 id="exec-h">${m.execution}</h2>
<p>${fill(m.overall, { p: Math.round(overall * 10) / 10 })}</p>
<img class="chart" src="/decisions/${encodeURIComponent(decisionId)}/progress.svg?lang=${locale}" width="720" height="${chartHeight(model.milestones.length)}" alt="${m.chartAlt}">
${progressBars(model.milestones, m)}
${milestonesTable(model, m, (id) => unitName(names, id, locale))}</section>`);
  }
  if (model.findings.length) {
    parts.push(html`<section aria-labelledby="audit-h"><h2 id="audit-h">${m.audit}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${m.finding}</th><th scope="col">${m.severity}</th><th scope="col">${m.rectificationDue}</th><th scope="col">${m.rectification}</th></tr></thead>
<tbody>${model.findings.map(
      (
        f,
      ) => html`<tr><th scope="row">${f.finding}</th><td>${severityName(f.severity, locale)}</td><td><time datetime="${f.rectificationDueAt}">${formatDate(f.rectificationDueAt)}</time></td>
<td>${f.rectifications.length ? html`<ul class="plain">${f.rectifications.map((r) => html`<li>${rectificationName(r.status, locale)}${inBrackets(formatDate(r.at), locale)}${colon(locale)}${r.action}</li>`)}</ul>` : m.none}</td></tr>`,
    )}</tbody></table></div></section>`);
  }
  if (model.accountability.length) {
    parts.push(html`<section aria-labelledby="acc-h"><h2 id="acc-h">${m.accountability}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${m.subject}</th><th scope="col">${m.measure}</th><th scope="col">${m.date}</th></tr></thead>
<tbody>${model.accountability.map((a) => html`<tr><th scope="row">${a.subject}</th><td>${a.measure}</td><td>${formatDate(a.date)}</td></tr>`)}</tbody></table></div></section>`);
  }
  if (model.evaluations.length) {
    parts.push(
      html`<section aria-labelledby="eval-h"><h2 id="eval-h">${m.evaluation}</h2>${model.evaluations.map(
        (
          e,
        ) => html`<div class="card"><p>${fill(m.started, { at: formatDateTime(e.startedAt), trigger: triggerName(e.trigger, locale) })}</p>
<dl class="facts">${e.evaluatorUnit ? html`<dt>${m.evaluator}</dt><dd>${unitName(names, e.evaluatorUnit, locale)}</dd>` : ''}${e.conclusion ? html`<dt>${m.conclusion}</dt><dd>${conclusionName(e.conclusion, locale)}</dd>` : ''}</dl>
${e.report ? html`<h3>${m.report}</h3><div class="document">${e.report}</div>` : ''}</div>`,
      )}</section>`,
    );
  }
  if (model.changes.length) {
    parts.push(
      html`<section aria-labelledby="changes-h"><h2 id="changes-h">${m.changes}</h2><ul>${model.changes.map(
        (c) =>
          html`<li>${fill(m.change, { label: m[c.type as 'DecisionAdjusted'] ?? c.type, at: formatDateTime(c.at) })}${c.major ? html`${colon(locale)}${m.major}` : ''}${c.reason ? html`${colon(locale)}${c.reason}` : ''}</li>`,
      )}</ul></section>`,
    );
  }
  return html`${parts}`;
}
