import type { PublicOpinion } from '../../../../../libs/persistence/src';
import { html, type Html } from '../../site-shell/web/html';
import { colon, defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';
import { channelName } from '../../site-shell/web/words';

const M = defineMessages(
  {
    heading: '公开的意见',
    intro: '以下为公开展示的意见（已隐去个人信息），按提交时间排列。',
    none: '还没有公开的意见。',
    count: '共 {total} 条，第 {page}/{pages} 页',
    section: '涉及条款',
    pages: '意见分页',
    previous: '上一页',
    next: '下一页',
  },
  {
    heading: 'Published opinions',
    intro: 'Opinions as published (personal data masked), oldest first.',
    none: 'No published opinion yet.',
    count: '{total} opinions, page {page} of {pages}',
    section: 'Section',
    pages: 'Pages of opinions',
    previous: 'Previous page',
    next: 'Next page',
  },
);

export interface OpinionsPage {
  items: PublicOpinion[];
  total: number;
  page: number;
  pageSize: number;
}

/** De-identified `text_public` only (the repository never selects anything else), paginated by `?opinions=`. */
export function opinionsSection(
  decisionId: string,
  opinions: OpinionsPage,
  locale: Locale,
  lang: string | undefined,
): Html {
  const m = M[locale];
  const pages = Math.max(1, Math.ceil(opinions.total / opinions.pageSize));
  const href = (page: number): string =>
    `/decisions/${encodeURIComponent(decisionId)}?opinions=${page}${lang ? `&lang=${encodeURIComponent(lang)}` : ''}#opinions`;
  const items = opinions.items.map(
    (o) =>
      html`<li class="opinion"><p class="meta"><time datetime="${o.receivedAt}">${formatDateTime(o.receivedAt)}</time> · ${channelName(o.channel, locale)}${o.section ? html` · ${m.section}${colon(locale)}${o.section}` : ''}</p>${o.text}</li>`,
  );
  return html`<section aria-labelledby="opinions-h" id="opinions"><h2 id="opinions-h">${m.heading}</h2>
${opinions.total === 0 ? html`<p class="muted">${m.none}</p>` : html`<p class="muted">${m.intro} ${fill(m.count, { total: opinions.total, page: opinions.page, pages })}</p><ul class="plain">${items}</ul>`}
${pages > 1 ? html`<nav aria-label="${m.pages}"><ul class="pagination">${opinions.page > 1 ? html`<li><a href="${href(opinions.page - 1)}">${m.previous}</a></li>` : ''}${opinions.page < pages ? html`<li><a href="${href(opinions.page + 1)}">${m.next}</a></li>` : ''}</ul></nav>` : ''}
</section>`;
}
