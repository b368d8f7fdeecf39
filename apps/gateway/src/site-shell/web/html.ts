/**
 * Server-side HTML with escaping by default. `html` is a tagged template: every interpolated value is
 * escaped unless it is already `Html` (built by `html` itself or marked with `raw` by code that made it
 * safe). Opinions, titles and anything else from users therefore render as text, never as markup.
 *
 * Values: `Html` is inserted as is; strings and numbers are escaped; arrays are joined; `null`,
 * `undefined` and `false` render nothing (so `cond && html\`…\`` works).
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for element content and quoted attribute values. It also drops the unicode bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in user text they can reverse what
 * follows on the page (a receipt, a date, the next opinion). The stored text keeps them; pages do not
 * render them.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`\u202A-\u202E\u2066-\u2069]/g, (c) => ESCAPES[c] ?? '');
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Trusted markup (e.g. an SVG the server rendered itself). Never pass user input. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** `name="value"` pairs, escaped; false/undefined drop the attribute, true writes it bare. */
export function attrs(pairs: Record<string, string | number | boolean | undefined>): Html {
  return new Html(
    Object.entries(pairs)
      .filter(([, v]) => v !== undefined && v !== false)
      .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
      .join(''),
  );
}
