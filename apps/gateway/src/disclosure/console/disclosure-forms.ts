import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, type Locale } from '../../site-shell/web/i18n';
import { problemText } from '../../site-shell/web/error-messages';
import type { FormBody } from '../../site-shell/console/form-body';
import type { Refusal } from '../../site-shell/console/refusal';

type Words = { zh: string; en: string };

/** One field of a console form; `name` is the JSON field (a dot for a nested one). */
export interface FormField {
  name: string;
  label: Words;
  kind: 'text' | 'number' | 'date' | 'textarea' | 'select' | 'yesno' | 'checkbox';
  options?: ReadonlyArray<{ value: string; label: Words }>;
  required?: boolean;
  hint?: Words;
}

const M = defineMessages(
  { choose: '请选择', yes: '是', no: '否', required: '（必填）', refused: '操作未执行', code: '错误代码' },
  { choose: 'Choose…', yes: 'Yes', no: 'No', required: ' (required)', refused: 'Not done', code: 'Error code' },
);

const valueOf = (values: FormBody, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

function control(spec: FormField, id: string, values: FormBody, locale: Locale, invalid: boolean): Html {
  const value = valueOf(values, spec.name);
  const common = attrs({
    id,
    name: spec.name,
    required: spec.required === true && spec.kind !== 'checkbox',
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': spec.hint ? `${id}-hint` : undefined,
  });
  const m = M[locale];
  switch (spec.kind) {
    case 'textarea':
      return html`<textarea${common} rows="4">${value}</textarea>`;
    case 'select':
    case 'yesno': {
      const options =
        spec.kind === 'yesno'
          ? [
              { value: 'true', label: m.yes },
              { value: 'false', label: m.no },
            ]
          : (spec.options ?? []).map((o) => ({ value: o.value, label: o.label[locale === 'en' ? 'en' : 'zh'] }));
      return html`<select${common}><option value="">${m.choose}</option>${options.map((o) => html`<option value="${o.value}"${attrs({ selected: o.value === value })}>${o.label}</option>`)}</select>`;
    }
    case 'checkbox':
      return html`<input type="checkbox" value="true"${common}${attrs({ checked: value !== '' })}>`;
    case 'number':
      return html`<input type="number" step="1" value="${value}"${common}>`;
    case 'date':
      return html`<input type="date" value="${value}"${common}>`;
    case 'text':
      return html`<input type="text" value="${value}"${common}>`;
  }
}

/** The fields of a form, filled with `values`; the field a refusal names is marked invalid. */
export function formFields(
  prefix: string,
  fields: readonly FormField[],
  values: FormBody,
  locale: Locale,
  refusal?: Refusal,
): Html {
  const lang = locale === 'en' ? 'en' : 'zh';
  return html`${fields.map((spec) => {
    const id = `${prefix}-${spec.name.replace(/\./g, '-')}`;
    const invalid = refusal?.field === spec.name;
    const hint = spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint[lang]}</span>` : '';
    const label = html`${spec.label[lang]}${spec.required ? html`<span class="muted">${M[locale].required}</span>` : ''}`;
    if (spec.kind === 'checkbox')
      return html`<div class="field"><div class="field--check">${control(spec, id, values, locale, invalid)}<label for="${id}">${label}</label></div>${hint}</div>`;
    return html`<div class="field"><label for="${id}">${label}</label>${hint}${control(spec, id, values, locale, invalid)}</div>`;
  })}`;
}

/** A refusal in words (the catalogue's), with its code. */
export function refusalBox(refusal: Refusal, locale: Locale): Html {
  const m = M[locale];
  return html`<div class="notice notice--error" role="alert"><p><strong>${m.refused}</strong></p><p>${problemText(refusal.code, refusal.status, locale)}</p><p class="muted">${m.code} ${refusal.code}</p></div>`;
}

/**
 * A form's fields as the JSON body the API takes: empty fields left out, numbers and yes/no converted,
 * dotted names nested. What is typed wrong still reaches the command's schema, which names the field.
 */
export function formToBody(fields: readonly FormField[], values: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const raw = valueOf(values, spec.name).trim();
    let value: unknown;
    if (spec.kind === 'checkbox') value = raw !== '' ? true : undefined;
    else if (raw === '') value = undefined;
    else if (spec.kind === 'number') value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (spec.kind === 'yesno') value = raw === 'true' ? true : raw === 'false' ? false : raw;
    else value = raw;
    if (value === undefined) continue;
    const [head, tail] = spec.name.split('.') as [string, string | undefined];
    if (tail) body[head] = { ...(body[head] ?? {}), [tail]: value };
    else body[head] = value;
  }
  return body;
}
