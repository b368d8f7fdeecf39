import { attrs, html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDate, type Locale } from '../../site-shell/web/i18n';
import type { PageContext } from '../../site-shell/web/page-context';
import type { BlockChange, DocumentDiff, Span } from './document-diff';
import type { PublicDocument } from './document-versions';

export const M = defineMessages(
  {
    title: '修改对照',
    intro:
      '比较这项决策已公布的任意两稿草案，或最终草案与通过的决定文本。比较按条款和段落进行，段内按字标出新增和删除的文字。',
    from: '原文本',
    to: '对照文本',
    compare: '比较',
    draft: '第 {version} 稿（{at} 公布）',
    adopted: '通过的决定文本（{at} 公布）',
    draftShort: '第 {version} 稿',
    adoptedShort: '通过的决定文本',
    none: '这项决策目前只有不到两份公开文本，暂无可比较的内容。',
    summary: '从“{from}”到“{to}”：新增 {inserted} 条（段），删除 {deleted} 条（段），修改 {changed} 条（段）。',
    same: '两份文本内容相同。',
    legend: '图例：',
    legendInsert: '新增的文字',
    legendDelete: '删除的文字',
    inserted: '新增',
    deleted: '删除',
    changed: '修改',
    insStart: '［新增开始］',
    insEnd: '［新增结束］',
    delStart: '［删除开始］',
    delEnd: '［删除结束］',
    result: '对照结果',
  },
  {
    title: 'Changes',
    intro:
      'Compare any two published draft versions of this decision, or the final draft with the adopted text. The comparison goes article by article and paragraph by paragraph, and marks inserted and deleted text inside each.',
    from: 'Earlier text',
    to: 'Later text',
    compare: 'Compare',
    draft: 'Draft version {version} (published {at})',
    adopted: 'Adopted text (published {at})',
    draftShort: 'draft version {version}',
    adoptedShort: 'the adopted text',
    none: 'This decision has fewer than two public texts yet: there is nothing to compare.',
    summary:
      'From {from} to {to}: {inserted} inserted, {deleted} deleted and {changed} changed articles or paragraphs.',
    same: 'The two texts are the same.',
    legend: 'Key: ',
    legendInsert: 'inserted text',
    legendDelete: 'deleted text',
    inserted: 'Inserted',
    deleted: 'Deleted',
    changed: 'Changed',
    insStart: '[insertion start]',
    insEnd: '[insertion end]',
    delStart: '[deletion start]',
    delEnd: '[deletion end]',
    result: 'Comparison',
  },
);

/** The name of a text in a selector (long) or in the summary sentence (short). */
export function documentName(doc: PublicDocument, locale: Locale, short = false): string {
  const m = M[locale];
  if (doc.kind === 'adopted') return short ? m.adoptedShort : fill(m.adopted, { at: formatDate(doc.publishedAt) });
  return fill(short ? m.draftShort : m.draft, { version: doc.version ?? '', at: formatDate(doc.publishedAt) });
}

/** `<ins>`/`<del>` with words a screen reader says (it announces neither element by itself). */
function mark(op: 'insert' | 'delete', content: Html | string, locale: Locale): Html {
  const m = M[locale];
  return op === 'insert'
    ? html`<ins><span class="visually-hidden">${m.insStart}</span>${content}<span class="visually-hidden">${m.insEnd}</span></ins>`
    : html`<del><span class="visually-hidden">${m.delStart}</span>${content}<span class="visually-hidden">${m.delEnd}</span></del>`;
}

function span(s: Span, locale: Locale): Html | string {
  return s.op === 'equal' ? s.text : mark(s.op, s.text, locale);
}

function block(change: BlockChange, locale: Locale): Html {
  const m = M[locale];
  switch (change.op) {
    case 'equal':
      return html`<li class="change"><p>${change.text}</p></li>`;
    case 'insert':
      return html`<li class="change change--insert"><span class="change__tag" aria-hidden="true">${m.inserted}</span><p>${mark('insert', change.text, locale)}</p></li>`;
    case 'delete':
      return html`<li class="change change--delete"><span class="change__tag" aria-hidden="true">${m.deleted}</span><p>${mark('delete', change.text, locale)}</p></li>`;
    case 'change':
      return html`<li class="change change--change"><span class="change__tag" aria-hidden="true">${m.changed}</span><p>${change.spans.map((s) => span(s, locale))}</p></li>`;
  }
}

function selector(
  name: 'from' | 'to',
  label: string,
  documents: readonly PublicDocument[],
  current: string,
  locale: Locale,
): Html {
  return html`<div class="field"><label for="c-${name}">${label}</label><select id="c-${name}" name="${name}">
${documents.map((d) => html`<option${attrs({ value: d.key, selected: d.key === current })}>${documentName(d, locale)}</option>`)}</select></div>`;
}

export interface ChangesView {
  decisionId: string;
  documents: readonly PublicDocument[];
  /** Null when there are fewer than two texts. */
  pair: { from: PublicDocument; to: PublicDocument; diff: DocumentDiff } | null;
}

/** The selectors (a GET form: works without JavaScript), a summary, a key and the compared text. */
export function renderChanges(context: PageContext, view: ChangesView): Html {
  const locale = context.locale;
  const m = M[locale];
  const lang = context.query['lang'];
  const action = `/decisions/${encodeURIComponent(view.decisionId)}/changes`;
  const { pair } = view;
  if (!pair)
    return html`<section aria-labelledby="changes-h"><h2 id="changes-h">${m.title}</h2><p>${m.intro}</p><p class="muted">${m.none}</p></section>`;
  const { counts, blocks } = pair.diff;
  const unchanged = counts.inserted + counts.deleted + counts.changed === 0;
  return html`<section aria-labelledby="changes-h"><h2 id="changes-h">${m.title}</h2><p>${m.intro}</p>
<form class="filters" method="get" action="${action}">
${selector('from', m.from, view.documents, pair.from.key, locale)}
${selector('to', m.to, view.documents, pair.to.key, locale)}
${lang ? html`<input type="hidden" name="lang"${attrs({ value: lang })}>` : ''}
<div class="field"><button type="submit">${m.compare}</button></div></form>
<p role="status">${unchanged ? m.same : fill(m.summary, { from: documentName(pair.from, locale, true), to: documentName(pair.to, locale, true), ...counts })}</p>
<p class="muted">${m.legend}<ins>${m.legendInsert}</ins> · <del>${m.legendDelete}</del></p>
<h3>${m.result}</h3>
<ol class="changes">${blocks.map((b) => block(b, locale))}</ol></section>`;
}
