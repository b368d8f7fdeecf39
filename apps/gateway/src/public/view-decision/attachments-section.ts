import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import type { AttachmentView } from './decision-page-model';

const M = defineMessages(
  {
    title: '附件',
    draft: '草案第{version}版',
    draftAny: '草案',
    decision: '决策文件',
    report: '报告',
    published: '公开于',
    hash: 'SHA-256',
  },
  {
    title: 'Attachments',
    draft: 'Draft version {version}',
    draftAny: 'The draft',
    decision: 'The decision',
    report: 'Report',
    published: 'Published',
    hash: 'SHA-256',
  },
);

/** A size for people: bytes, KB or MB (1024-based, one decimal). */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function belongsTo(a: AttachmentView, locale: Locale): string {
  const m = M[locale];
  if (a.target === 'draft') return a.version === null ? m.draftAny : fill(m.draft, { version: a.version });
  return a.target === 'decision' ? m.decision : m.report;
}

/** The official files published in the log (ADR 87): name (a download link), type, size, what and when. */
export function attachmentsSection(decisionId: string, attachments: readonly AttachmentView[], locale: Locale): Html {
  if (attachments.length === 0) return html``;
  const m = M[locale];
  const href = (a: AttachmentView) => `/decisions/${encodeURIComponent(decisionId)}/attachments/${a.sha256}`;
  return html`<section aria-labelledby="attachments-h"><h2 id="attachments-h">${m.title}</h2><ul class="attachments">
${attachments.map(
  (
    a,
  ) => html`<li><a href="${href(a)}" download>${a.name}</a> <span class="meta">${a.type.toUpperCase()} · ${readableSize(a.size)} · ${belongsTo(a, locale)} · ${m.published} <time datetime="${a.at}">${formatDateTime(a.at)}</time></span>
<details class="meta"><summary>${m.hash}</summary><code>${a.sha256}</code></details></li>`,
)}
</ul></section>`;
}
