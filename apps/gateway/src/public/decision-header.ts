import { STAGES, type Stage } from '../../../../libs/domain/src';
import type { PublicDecision } from '../../../../libs/persistence/src';
import { html, type Html } from '../site-shell/web/html';
import { colon, defineMessages, formatDate, type Locale } from '../site-shell/web/i18n';
import { categoryLabel, unitName, type Names } from '../site-shell/web/names';
import { stageName } from '../site-shell/web/stage-names';
import { dueDates } from './decision-card';

const M = defineMessages(
  {
    stages: '决策进程',
    current: '（当前阶段）',
    suspended: '暂停执行',
    unit: '承办单位',
    category: '类别',
    registered: '纳入目录',
    sections: '本决策页面',
    overview: '决策详情',
    timeline: '公开日志',
    changes: '修改对照',
    verify: '验证日志',
    feed: '订阅本决策（Atom）',
  },
  {
    stages: 'Progress of the decision',
    current: ' (current stage)',
    suspended: 'Suspended',
    unit: 'Unit',
    category: 'Category',
    registered: 'In the catalogue since',
    sections: 'Pages of this decision',
    overview: 'Decision',
    timeline: 'Public log',
    changes: 'Changes',
    verify: 'Verify the log',
    feed: 'Follow this decision (Atom)',
  },
);

/** The lifecycle as a bar; `suspended` is shown on the execution step with a badge. */
const BAR: Stage[] = STAGES.filter((stage) => stage !== 'suspended');

export function stageBar(stage: Stage, locale: Locale): Html {
  const m = M[locale];
  const at = BAR.indexOf(stage === 'suspended' ? 'execution' : stage);
  const items = BAR.map((s, i) => {
    const state = i < at || stage === 'closed' ? 'done' : i === at ? 'current' : '';
    return html`<li class="${state}"${i === at ? html` aria-current="step"` : ''}>${stageName(s, locale)}${i === at ? html`<span class="visually-hidden">${m.current}</span>` : ''}</li>`;
  });
  return html`<ol class="stage-bar" aria-label="${m.stages}">${items}</ol>`;
}

export type DecisionTab = 'overview' | 'timeline' | 'changes' | 'verify';

/** Title, facts, stage bar and the links between a decision's pages. */
export function decisionHeader(decision: PublicDecision, locale: Locale, tab: DecisionTab, names?: Names): Html {
  const m = M[locale];
  const link = (href: string, label: string, name: DecisionTab): Html =>
    html`<li><a href="${href}"${tab === name ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const base = `/decisions/${encodeURIComponent(decision.id)}`;
  return html`<h1>${decision.title}</h1>
<p class="meta"><span class="badge badge--stage">${stageName(decision.stage, locale)}</span>
${decision.stage === 'suspended' ? html` <span class="badge badge--overdue">${m.suspended}</span>` : ''}
 ${m.unit}${colon(locale)}${unitName(names, decision.unit, locale)} · ${m.category}${colon(locale)}${categoryLabel(names, decision.category, locale)} · ${m.registered}${colon(locale)}<time datetime="${decision.registeredAt}">${formatDate(decision.registeredAt)}</time>
</p>
${dueDates(decision, locale)}
${stageBar(decision.stage, locale)}
<nav aria-label="${m.sections}"><ul class="subnav">${link(base, m.overview, 'overview')}${link(`${base}/timeline`, m.timeline, 'timeline')}${link(`${base}/changes`, m.changes, 'changes')}${link(`${base}/verify`, m.verify, 'verify')}<li><a href="/feeds/decisions/${encodeURIComponent(decision.id)}.atom">${m.feed}</a></li></ul></nav>`;
}

/** `<link rel=alternate>` of the decision's own feed, for the page head. */
export function decisionFeedLink(decision: PublicDecision): Html {
  return html`<link rel="alternate" type="application/atom+xml" title="${decision.title}" href="/feeds/decisions/${encodeURIComponent(decision.id)}.atom">`;
}
