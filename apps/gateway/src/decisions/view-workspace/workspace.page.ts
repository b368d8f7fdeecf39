import { ACTIONS, type DecisionAction, type DecisionState, type StaffActor } from '../../../../../libs/domain/src';
import { html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, formatDateTime, inBrackets, type Locale } from '../../site-shell/web/i18n';
import { categoryLabel, unitName } from '../../site-shell/web/names';
import { reviewKindName } from '../../site-shell/web/words';
import type { PageContext } from '../../site-shell/web/page-context';
import { stageName } from '../../site-shell/web/stage-names';
import { ACTION_FORMS, REGISTER_FORM } from '../act-on-decision/action-fields';
import { renderActionForm, refusalNotice } from '../act-on-decision/action-form.render';
import { isoToBeijingLocal } from '../act-on-decision/form-parsing';
import { dueName } from '../../site-shell/console/due-names';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { stepName } from './step-names';
import { renderFacts } from './workspace-facts';
import type { Workspace } from './workspace.loader';
import type { Refusal } from '../../site-shell/console/refusal';
import type { FormBody } from '../../site-shell/console/form-body';

const M = defineMessages(
  {
    board: '返回工作台',
    stage: '阶段',
    unit: '单位',
    confidential: '依法不予公开',
    due: '下一步和期限',
    noDue: '目前没有到期事项。',
    overdue: '已逾期',
    actions: '可办理的操作',
    actionsHint: '以下是您的角色在当前阶段可以办理的全部操作。操作被拒绝时，会说明所依据的规则。',
    noActions: '您的角色在当前阶段没有可办理的操作。',
    done: '操作已完成：{action}。',
    refusedAt: '操作“{action}”未执行，原因见下方表单。',
    opinions: '意见与答复（归类、批量答复、答复模板）',
    publicPage: '公开页面',
    history: '办理记录',
    who: '办理人',
    when: '时间',
    what: '步骤',
    temporal: '流程服务暂时不可用：下面是数据库中的记录，办理表单暂不显示，请稍后刷新。',
    archived: '该决策的流程已归档：下面是数据库中的永久记录，不再有可办理的操作。',
  },
  {
    board: 'Back to the board',
    stage: 'Stage',
    unit: 'Unit',
    confidential: 'Confidential',
    due: 'What is due next',
    noDue: 'Nothing is due at the moment.',
    overdue: 'Overdue',
    actions: 'Actions you can take',
    actionsHint:
      'Every action your role can take in the current stage. When one is refused, the form says which rule blocked it.',
    noActions: 'Your role has no action in the current stage.',
    done: 'Done: {action}.',
    refusedAt: 'The action “{action}” was not performed; see its form below.',
    opinions: 'Opinions and answers (clusters, bulk answers, templates)',
    publicPage: 'Public page',
    history: 'History',
    who: 'By',
    when: 'When',
    what: 'Step',
    temporal:
      'The workflow service is unavailable: this is the record from the database; the action forms are hidden until it is back. Reload shortly.',
    archived:
      'This decision’s workflow is archived: this is its permanent record from the database; no action remains.',
  },
);

/** The actions of `ACTIONS` the actor's role may take in the decision's stage (unit scope: ownDecision), as forms. */
export function availableActions(state: DecisionState, actor: StaffActor): DecisionAction[] {
  return ACTIONS.filter((a) => a.roles.includes(actor.role) && a.stages.includes(state.stage)).filter((a) =>
    applies(a.name, state),
  );
}

/**
 * Forms that could only be refused for this decision are left out: reviews without a pending submission,
 * the public consultation's steps for a confidential decision, the confidential path for a public one,
 * approving a shortening that is not asked for, attaching a file before there is a draft.
 */
function applies(action: string, state: DecisionState): boolean {
  switch (action) {
    case 'approve':
    case 'return':
      return (state.reviews ?? []).length > 0;
    case 'consultation-plan':
    case 'submit-for-publication':
      return !state.confidential;
    case 'submit-for-decision':
      return state.confidential;
    case 'shortened-consultation-approval':
      return Boolean(state.plan?.shortenedReason && !state.plan.shortenedApproved);
    case 'attachments':
      return state.draft !== undefined; // the first thing a file can belong to
    default:
      return true;
  }
}

/** Values a form starts with when it was not just refused: the current draft, the current closing time. */
function prefill(action: string, state: DecisionState): FormBody {
  if (action === 'draft-versions' && state.draft)
    return { draft: state.draft.draft, basis: state.draft.basis, explanation: state.draft.explanation };
  if (action === 'extend' && state.consultation) return { closesAt: isoToBeijingLocal(state.consultation.closesAt) };
  if (action === 'publish-decision' || action === 'milestones') return { executionUnit: state.unit };
  return {};
}

export interface WorkspaceView extends Workspace {
  done?: string;
  refused?: { action: string; values: FormBody; refusal: Refusal };
  /** A form posted back for one more row (no JavaScript): shown open with what was typed. */
  editing?: { action: string; values: FormBody };
}

export function renderWorkspace(
  context: PageContext,
  session: ConsoleSession,
  view: WorkspaceView,
): { title: string; main: Html } {
  const m = M[context.locale];
  const locale: Locale = context.locale;
  const { record, state } = view;
  const actionTitle = (name: string): string =>
    (name === 'register' ? REGISTER_FORM : ACTION_FORMS[name])?.title[locale] ?? name;
  const actions = state ? availableActions(state, session.actor) : [];
  const refName = (ref: string): string | undefined => {
    const review = state?.reviews?.find((r) => r.id === ref);
    const finding = view.lists.findings?.get(ref);
    return (
      state?.milestones?.find((x) => x.id === ref)?.title ??
      (finding && [...finding].slice(0, 30).join('')) ??
      (review && reviewKindName(review.kind, locale))
    );
  };
  const forms = actions.map((a) =>
    renderActionForm(
      {
        decisionId: record.id,
        action: a.name,
        spec: ACTION_FORMS[a.name] ?? { title: { 'zh-CN': a.name, en: a.name }, fields: [] },
        summary: locale === 'en' ? a.summary : '',
        values:
          view.refused?.action === a.name
            ? view.refused.values
            : view.editing?.action === a.name
              ? view.editing.values
              : prefill(a.name, state!),
        state: state!,
        csrf: session.csrf,
        refusal: view.refused?.action === a.name ? view.refused.refusal : undefined,
        lists: view.lists,
        open: view.editing?.action === a.name,
      },
      locale,
    ),
  );
  const refusedElsewhere = view.refused && !actions.some((a) => a.name === view.refused!.action);
  const main = html`<p><a href="/console">${m.board}</a></p>
<h1>${record.title}</h1>
<p class="meta"><span class="badge badge--stage">${m.stage}${colon(locale)}${stageName(record.stage, locale)}</span> ${m.unit}${colon(locale)}${unitName(view.lists.names, record.unit, locale)} · ${categoryLabel(view.lists.names, record.category, locale)}
${record.confidential ? html` · <span class="badge">${m.confidential}</span>` : ''}${record.overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : ''}</p>
${view.done ? html`<p class="notice notice--ok" role="status">${fill(m.done, { action: actionTitle(view.done) })}</p>` : ''}
${view.refused ? html`<p class="notice notice--error"><a href="#act-${view.refused.action}">${fill(m.refusedAt, { action: actionTitle(view.refused.action) })}</a></p>` : ''}
${refusedElsewhere ? refusalNotice(view.refused!.refusal, locale) : ''}
<section aria-labelledby="due-h"><h2 id="due-h">${m.due}</h2>
${record.due.length ? html`<ul>${record.due.map((d) => html`<li${d.overdue ? html` class="row--overdue"` : ''}>${dueName(d, locale, refName)}${colon(locale)}<time datetime="${d.at}">${formatDateTime(d.at)}</time>${d.overdue ? html` <span class="badge badge--overdue">${m.overdue}</span>` : ''}</li>`)}</ul>` : html`<p class="muted">${m.noDue}</p>`}
</section>
${state ? renderFacts(state, locale, view.lists) : html`<p class="notice notice--warn" role="status">${m[view.unavailable ?? 'temporal']}</p>`}
<p><a href="/console/decisions/${record.id}/opinions">${m.opinions}</a>${record.publicVisible ? html` · <a href="/decisions/${record.id}">${m.publicPage}</a>` : ''}</p>
<section aria-labelledby="actions-h"><h2 id="actions-h">${m.actions}</h2><p class="muted">${m.actionsHint}</p>
${forms.length ? html`<div class="actions">${forms}</div>` : html`<p class="muted">${m.noActions}</p>`}</section>
<section aria-labelledby="history-h"><h2 id="history-h">${m.history}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">#</th><th scope="col">${m.what}</th><th scope="col">${m.who}</th><th scope="col">${m.when}</th></tr></thead>
<tbody>${view.history.map((h) => html`<tr><td class="num">${h.seq}</td><td>${stepName(h.type, locale)}${locale === 'en' ? html` <code class="meta">${h.type}</code>` : ''}</td><td>${h.actor.username ?? h.actor.role ?? ''}${h.actor.unit ? inBrackets(unitName(view.lists.names, h.actor.unit, locale), locale) : ''}</td><td>${formatDateTime(h.occurredAt)}</td></tr>`)}</tbody>
</table></div></section>`;
  return { title: record.title, main };
}
