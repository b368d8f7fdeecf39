import type { DecisionState } from '../../../../../libs/domain/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { problemText } from '../../site-shell/web/error-messages';
import { csrfInput } from '../../site-shell/console/console-page';
import type { ActionFormSpec, FieldSpec, StateChoices } from './action-fields';
import type { Refusal } from '../../site-shell/console/refusal';
import type { FormBody } from '../../site-shell/console/form-body';

const M = defineMessages(
  {
    choose: '请选择',
    submit: '提交',
    refused: '操作未执行',
    rule: '规则',
    code: '错误代码',
    detail: '技术说明',
    required: '（必填）',
  },
  {
    choose: 'Choose…',
    submit: 'Submit',
    refused: 'The action was not performed',
    rule: 'Rule',
    code: 'Error code',
    detail: 'Technical detail',
    required: ' (required)',
  },
);

export interface ActionFormView {
  decisionId: string;
  action: string;
  spec: ActionFormSpec;
  summary: string;
  values: FormBody;
  state: DecisionState;
  csrf: string;
  refusal?: Refusal;
}

/** What the fields of one form render from. */
interface FieldContext {
  action: string;
  values: FormBody;
  state?: DecisionState;
  refusal?: Refusal;
}

function choicesOf(
  state: DecisionState | undefined,
  from: StateChoices,
  locale: Locale,
): Array<{ value: string; label: string }> {
  if (!state) return [];
  switch (from) {
    case 'reviews':
      return (state.reviews ?? []).map((r) => ({
        value: r.id,
        label: `${r.id} · ${r.kind} · ${formatDateTime(r.submittedAt)}`,
      }));
    case 'hearings':
      return (state.hearings ?? []).map((h) => ({
        value: h.id,
        label: `${h.id} · ${formatDateTime(h.date)} · ${h.place}`,
      }));
    case 'milestones':
      return (state.milestones ?? []).map((m) => ({ value: m.id, label: `${m.id} · ${m.title} · ${m.percent}%` }));
    case 'findings':
      return (state.findings ?? []).map((f) => ({
        value: f.id,
        label: `${f.id} · ${locale === 'en' ? 'due' : '整改期限'} ${formatDateTime(f.rectificationDueAt)}`,
      }));
  }
}

const valueOf = (values: FormBody, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The field a refusal names (`milestones[0].title` → `milestones`), to mark it invalid. */
const fieldRoot = (field: string | undefined): string | undefined => field?.replace(/\[.*$/, '');

function control(spec: FieldSpec, view: FieldContext, id: string, locale: Locale, invalid: boolean): Html {
  const value = valueOf(view.values, spec.name);
  const common = attrs({
    id,
    name: spec.name,
    required: spec.required === true && spec.kind !== 'channels',
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': spec.hint ? `${id}-hint` : undefined,
  });
  switch (spec.kind) {
    case 'textarea':
    case 'lines':
    case 'opinions':
    case 'milestones':
    case 'qa':
      return html`<textarea${common}${attrs({ rows: spec.kind === 'textarea' ? 5 : 4 })}>${value}</textarea>`;
    case 'select': {
      const options = spec.choicesFrom
        ? choicesOf(view.state, spec.choicesFrom, locale)
        : (spec.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] }));
      return html`<select${common}><option value="">${M[locale].choose}</option>${options.map((o) => html`<option value="${o.value}"${attrs({ selected: o.value === value })}>${o.label}</option>`)}</select>`;
    }
    case 'checkbox':
      return html`<input type="checkbox" value="true"${common}${attrs({ checked: value !== '' })}>`;
    case 'number':
      return html`<input type="number" step="any" value="${value}"${common}>`;
    case 'datetime':
      return html`<input type="datetime-local" step="1" value="${value}"${common}>`;
    case 'date':
      return html`<input type="date" value="${value}"${common}>`;
    case 'text':
    case 'channels':
      return html`<input type="text" value="${value}"${common}>`;
    case 'file':
      return html`<input type="file" accept=".pdf,.docx,.ofd,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"${common}>`;
  }
}

function field(spec: FieldSpec, view: FieldContext, locale: Locale): Html {
  const id = `f-${view.action}-${spec.name.replace(/\./g, '-')}`;
  const invalid = fieldRoot(view.refusal?.field) === spec.name;
  const hint = spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint[locale]}</span>` : '';
  const label = html`${spec.label[locale]}${spec.required ? html`<span class="muted">${M[locale].required}</span>` : ''}`;
  if (spec.kind === 'channels') {
    const chosen = new Set(
      Array.isArray(view.values[spec.name]) ? (view.values[spec.name] as string[]) : [valueOf(view.values, spec.name)],
    );
    return html`<fieldset class="field"${attrs({ 'aria-describedby': spec.hint ? `${id}-hint` : undefined })}><legend>${label}</legend>${hint}<div class="choices">
${(spec.options ?? []).map((o) => html`<label><input type="checkbox" name="${spec.name}" value="${o.value}"${attrs({ checked: chosen.has(o.value) })}>${o.label[locale]}</label>`)}</div></fieldset>`;
  }
  if (spec.kind === 'checkbox')
    return html`<div class="field"><div class="field--check">${control(spec, view, id, locale, invalid)}<label for="${id}">${label}</label></div>${hint}</div>`;
  return html`<div class="field"><label for="${id}">${label}</label>${hint}${control(spec, view, id, locale, invalid)}</div>`;
}

/** The fields of a form (the action's or the registration's), filled with `values`. */
export function renderActionFields(
  fields: readonly FieldSpec[],
  action: string,
  values: FormBody,
  refusal: Refusal | undefined,
  locale: Locale,
  state?: DecisionState,
): Html {
  return html`${fields.map((f) => field(f, { action, values, refusal, state }, locale))}`;
}

/** The refusal in plain words: the rule first, then the code and the rule's own technical sentence. */
export function refusalNotice(refusal: Refusal, locale: Locale, id?: string): Html {
  const m = M[locale];
  return html`<div class="notice notice--error" role="alert"${attrs({ id })}><p><strong>${m.refused}.</strong> ${m.rule}: <span class="rule">${problemText(refusal.code, refusal.status, locale)}</span></p>
<p class="meta">${m.code}: <code>${refusal.code}</code> · ${m.detail}: ${refusal.detail}</p></div>`;
}

/** One action as a form inside a disclosure, open when it was just refused. */
export function renderActionForm(view: ActionFormView, locale: Locale): Html {
  const refused = view.refusal !== undefined;
  return html`<details class="action${refused ? ' action--refused' : ''}" id="act-${view.action}"${attrs({ open: refused })}>
<summary>${view.spec.title[locale]} <code>${view.action}</code></summary>
<p class="muted">${view.summary}</p>
${view.refusal ? refusalNotice(view.refusal, locale, `refusal-${view.action}`) : ''}
<form method="post" action="/console/decisions/${view.decisionId}/act/${view.action}#act-${view.action}" class="stack"${attrs({ enctype: view.spec.fields.some((f) => f.kind === 'file') ? 'multipart/form-data' : undefined })}>${csrfInput(view)}
${renderActionFields(view.spec.fields, view.action, view.values, view.refusal, locale, view.state)}
<div><button type="submit">${view.spec.title[locale]}</button></div></form></details>`;
}
