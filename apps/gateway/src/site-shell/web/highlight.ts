import { escapeHtml, Html } from './html';

/**
 * Search terms marked in text (ADR 108): every occurrence of a term (Latin letters in any case) in a
 * `<mark>`, everything else escaped as `html` would. Terms are matched as plain text, never as patterns.
 */
export function highlight(text: string, terms: readonly string[]): Html {
  const pattern = termPattern(terms);
  if (!pattern) return new Html(escapeHtml(text));
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return new Html(out + escapeHtml(text.slice(last)));
}

/**
 * The words around the first term found in any of `texts`: up to `radius` characters each side, cut at
 * code points, with an ellipsis where it was cut; undefined when no text has a term.
 */
export function excerpt(texts: readonly string[], terms: readonly string[], radius = 40): string | undefined {
  const pattern = termPattern(terms);
  if (!pattern) return undefined;
  for (const text of texts) {
    const flat = text.replace(/\s+/g, ' ');
    const match = new RegExp(pattern.source, 'iu').exec(flat);
    if (!match) continue;
    const before = [...flat.slice(0, match.index)];
    const after = [...flat.slice(match.index + match[0].length)];
    const head = before.slice(-radius).join('');
    const tail = after.slice(0, radius).join('');
    return `${before.length > radius ? '…' : ''}${head}${match[0]}${tail}${after.length > radius ? '…' : ''}`;
  }
  return undefined;
}

function termPattern(terms: readonly string[]): RegExp | undefined {
  const parts = [...terms]
    .filter((term) => term !== '')
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return parts.length ? new RegExp(parts.join('|'), 'giu') : undefined;
}
