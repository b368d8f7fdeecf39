import type { DecisionState } from '../../../../../libs/domain/src';
import { attrs, html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { problemText } from '../../site-shell/web/error-messages';
import { csrfInput } from '../../site-shell/console/console-page';
import { categoryLabel, unitName, type Names } from '../../site-shell/web/names';
import { reviewKindName } from '../../site-shell/web/words';
import type { ActionFormSpec, FieldSpec, ListChoices, StateChoices } from './action-fields';
import { MAX_ROWS, rowFieldName } from './form-parsing';
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
    row: '第 {n} 行',
    addRow: '添加一行',
    title: '名称',
    unit: '责任单位',
    dueAt: '完成期限',
    weight: '权重',
    due: '整改期限',
  },
  {
    choose: 'Choose…',
    submit: 'Submit',
    refused: 'The action was not performed',
    rule: 'Rule',
    code: 'Error code',
    detail: 'Technical detail',
    required: ' (required)',
    row: 'Row {n}',
    addRow: 'Add a row',
    title: 'Title',
    unit: 'Responsible unit',
    dueAt: 'Due',
    weight: 'Weight',
    due: 'rectification due',
  },
);

/** The managed lists a form offers (units, categories) and the names of a decision's findings. */
export interface FormLists {
  names: Names;
  findings?: ReadonlyMap<string, string>;
}

export interface ActionFormView {
  decisionId: string;
  action: string;
  spec: ActionFormSpec;
  summary: string;
  values: FormBody;
  state: DecisionState;
  csrf: string;
  refusal?: Refusal;
  lists?: FormLists;
  /** Shown open (a row was just added). */
  open?: boolean;
}

/** What the fields of one form render from. */
interface FieldContext {
  action: string;
  values: FormBody;
  state?: DecisionState;
  refusal?: Refusal;
  lists?: FormLists;
}

function choicesOf(
  view: FieldContext,
  from: StateChoices | ListChoices,
  locale: Locale,
): Array<{ value: string; label: string }> {
  const { state, lists } = view;
  if (from === 'units')
    return [...(lists?.names.units.keys() ?? [])].map((id) => ({
      value: id,
      label: unitName(lists?.names, id, locale),
    }));
  if (from === 'categories')
    return (lists?.names.categories ?? []).map((c) => ({
      value: c.id,
      label: categoryLabel(lists?.names, c.id, locale),
    }));
  if (!state) return [];
  switch (from) {
    case 'reviews':
      return (state.reviews ?? []).map((r) => ({
        value: r.id,
        label: `${reviewKindName(r.kind, locale)} · ${formatDateTime(r.submittedAt)} (${r.id})`,
      }));
    case 'hearings':
      return (state.hearings ?? []).map((h) => ({
        value: h.id,
        label: `${h.id} · ${formatDateTime(h.date)} · ${h.place}`,
      }));
    case 'milestones':
      return (state.milestones ?? []).map((m) => ({ value: m.id, label: `${m.title} · ${m.percent}%` }));
    case 'findings':
      return (state.findings ?? []).map((f) => ({
        value: f.id,
        label: `${clipText(lists?.findings?.get(f.id) ?? f.id, 40)} · ${M[locale].due} ${formatDateTime(f.rectificationDueAt)}`,
      }));
  }
}

const clipText = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** A select's options, keeping a value the list no longer has (a unit or category id typed elsewhere). */
function withValue(
  options: Array<{ value: string; label: string }>,
  value: string,
): Array<{ value: string; label: string }> {
  return value === '' || options.some((o) => o.value === value) ? options : [...options, { value, label: value }];
}

/** How many rows a row editor shows: the rows sent, one empty more, at least three, more when asked. */
function rowCount(values: FormBody, field: string): number {
  let used = 0;
  for (const key of Object.keys(values)) {
    const match = /^(.+)\[(\d+)\]\[\w+\]$/.exec(key);
    if (match && match[1] === field && valueOf(values, key).trim() !== '') used = Math.max(used, Number(match[2]) + 1);
  }
  const asked = Number(valueOf(values, `_rows.${field}`)) || 0;
  return Math.min(MAX_ROWS, Math.max(3, used + 1, asked));
}

/**
 * The milestone row editor (ADR 108): a group of four labelled inputs per row, as many rows as
 * `rowCount`, and an "add a row" submit button that posts the form back to be shown with one row more
 * (no JavaScript). The rows are read by `milestoneRows`.
 */
function milestoneRowsControl(spec: FieldSpec, view: FieldContext, id: string, locale: Locale): Html {
  const m = M[locale];
  const rows = rowCount(view.values, spec.name);
  const units = choicesOf(view, 'units', locale);
  const group = (index: number): Html => {
    const cell = (name: string): { id: string; name: string; value: string } => {
      const fieldName = rowFieldName(spec.name, index, name);
      return { id: `${id}-${index}-${name}`, name: fieldName, value: valueOf(view.values, fieldName) };
    };
    const [title, unit, dueAt, weight] = [cell('title'), cell('unit'), cell('dueAt'), cell('weight')];
    return html`<fieldset class="row-group"><legend>${fill(m.row, { n: index + 1 })}</legend>
<div class="field"><label for="${title.id}">${m.title}</label><input type="text"${attrs({ id: title.id, name: title.name, value: title.value })}></div>
<div class="field"><label for="${unit.id}">${m.unit}</label><select${attrs({ id: unit.id, name: unit.name })}><option value="">${m.choose}</option>${withValue(units, unit.value).map((o) => html`<option value="${o.value}"${attrs({ selected: o.value === unit.value })}>${o.label}</option>`)}</select></div>
<div class="field"><label for="${dueAt.id}">${m.dueAt}</label><input type="date"${attrs({ id: dueAt.id, name: dueAt.name, value: dueAt.value })}></div>
<div class="field"><label for="${weight.id}">${m.weight}</label><input type="number" step="any" min="0"${attrs({ id: weight.id, name: weight.name, value: weight.value })}></div></fieldset>`;
  };
  return html`<div class="row-editor" id="${id}">${Array.from({ length: rows }, (_, i) => group(i))}
<input type="hidden" name="_rows.${spec.name}" value="${rows}">
<button type="submit" class="secondary" name="_addRow" value="${spec.name}" formnovalidate>${m.addRow}</button></div>`;
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
    case 'milestones':
      return milestoneRowsControl(spec, view, id, locale);
    case 'textarea':
    case 'lines':
    case 'opinions':
    case 'qa':
      return html`<textarea${common}${attrs({ rows: spec.kind === 'textarea' ? 5 : 4 })}>${value}</textarea>`;
    case 'select': {
      const options = spec.choicesFrom
        ? withValue(choicesOf(view, spec.choicesFrom, locale), value)
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
  if (spec.kind === 'milestones')
    return html`<fieldset class="field"${attrs({ 'aria-describedby': spec.hint ? `${id}-hint` : undefined, 'aria-invalid': invalid ? 'true' : undefined })}><legend>${label}</legend>${hint}${control(spec, view, id, locale, invalid)}</fieldset>`;
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
  lists?: FormLists,
): Html {
  return html`${fields.map((f) => field(f, { action, values, refusal, state, lists }, locale))}`;
}

/** The refusal in plain words: the rule first, then the code and the rule's own technical sentence. */
export function refusalNotice(refusal: Refusal, locale: Locale, id?: string): Html {
  const m = M[locale];
  return html`<div class="notice notice--error" role="alert"${attrs({ id })}><p><strong>${m.refused}${locale === 'en' ? '.' : '。'}</strong>${locale === 'en' ? ' ' : ''}${m.rule}${colon(locale)}<span class="rule">${problemText(refusal.code, refusal.status, locale)}</span></p>
<p class="meta">${m.code}${colon(locale)}<code>${refusal.code}</code> · ${m.detail}${colon(locale)}${refusal.detail}</p></div>`;
}

/** One action as a form inside a disclosure, open when it was just refused. */
export function renderActionForm(view: ActionFormView, locale: Locale): Html {
  const refused = view.refusal !== undefined;
  return html`<details class="action${refused ? ' action--refused' : ''}" id="act-${view.action}"${attrs({ open: refused || view.open === true })}>
<summary>${view.spec.title[locale]}${locale === 'en' ? html` <code>${view.action}</code>` : ''}</summary>
<p class="muted">${view.summary}</p>
${view.refusal ? refusalNotice(view.refusal, locale, `refusal-${view.action}`) : ''}
<form method="post" action="/console/decisions/${view.decisionId}/act/${view.action}#act-${view.action}" class="stack"${attrs({ enctype: view.spec.fields.some((f) => f.kind === 'file') ? 'multipart/form-data' : undefined })}>${csrfInput(view)}
${renderActionFields(view.spec.fields, view.action, view.values, view.refusal, locale, view.state, view.lists)}
<div><button type="submit">${view.spec.title[locale]}</button></div></form></details>`;
}
