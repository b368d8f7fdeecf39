import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { eventLabelIn } from '../../site-shell/web/public-event-text';
import { summarizeEventIn } from '../../site-shell/web/public-event-text-en';
import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, keepDatesWhole, type Locale } from '../../site-shell/web/i18n';
import { eventNamesOf, unitName, type Names } from '../../site-shell/web/names';
import type { EventNames } from '../../site-shell/web/public-event-text';
import { roleName } from '../../site-shell/web/words';

export const M = defineMessages(
  {
    title: '公开日志',
    intro:
      '这项决策的每个公开步骤都按顺序写入日志。每条记录的哈希值由上一条记录的哈希值和本条内容计算得出，任何改动或删除都会被发现。',
    count: '共 {n} 条记录，最新一条为第 {seq} 条，哈希值：',
    empty: '暂无公开记录。',
    seq: '第 {seq} 条：',
    actor: '发布者：',
    technical: '技术细节：哈希值',
    hash: '哈希值',
    prevHash: '上一条哈希值',
    verify: '在浏览器中验证这条日志',
    json: '原始数据（JSON）',
  },
  {
    title: 'Public log',
    intro:
      'Every public step of this decision is written to the log in order. Each entry’s hash is computed from the previous entry’s hash and its own content, so any change or removal shows.',
    count: '{n} entries; the latest is entry {seq}, hash:',
    empty: 'No public entry yet.',
    seq: 'Entry {seq}: ',
    actor: 'By: ',
    technical: 'Technical details: hashes',
    hash: 'Hash',
    prevHash: 'Previous hash',
    verify: 'Verify this log in your browser',
    json: 'Raw data (JSON)',
  },
);

function entryItem(entry: PublicLogEntry, locale: Locale, names: Names, eventNames: EventNames): Html {
  const m = M[locale];
  const actor = entry.actor as { unit?: unknown; role?: unknown };
  const who = [
    typeof actor.unit === 'string' ? unitName(names, actor.unit, locale) : '',
    typeof actor.role === 'string' ? roleName(actor.role, locale) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<li id="seq-${entry.seq}"><h3>${fill(m.seq, { seq: entry.seq })}${eventLabelIn(entry.type, locale)}</h3>
<p class="meta"><time datetime="${entry.occurredAt}">${formatDateTime(entry.occurredAt)}</time> · ${m.actor}${who}</p>
<p>${keepDatesWhole(summarizeEventIn(entry.type, entry.data, locale, eventNames))}</p>
<details class="tech"><summary>${m.technical}</summary><dl class="hashes"><dt>${m.hash}</dt><dd><code class="hash">${entry.hash}</code></dd><dt>${m.prevHash}</dt><dd><code class="hash">${entry.prevHash}</code></dd></dl></details></li>`;
}

/** Every entry: seq, type, time, actor (unit and role), a summary of its public data, hash and previous hash. */
export function renderTimeline(
  decisionId: string,
  entries: readonly PublicLogEntry[],
  locale: Locale,
  names: Names = { units: new Map(), categories: [] },
): Html {
  const m = M[locale];
  const eventNames = eventNamesOf(entries, names, locale);
  const last = entries.at(-1);
  const base = `/decisions/${encodeURIComponent(decisionId)}`;
  return html`<section aria-labelledby="log-h"><h2 id="log-h">${m.title}</h2><p>${m.intro}</p>
${last ? html`<p>${fill(m.count, { n: entries.length, seq: last.seq })} <code class="hash">${last.hash}</code></p>` : html`<p class="muted">${m.empty}</p>`}
<p><a href="${base}/verify">${m.verify}</a> · <a href="/api/v1/public/decisions/${encodeURIComponent(decisionId)}/timeline">${m.json}</a></p>
<ol class="timeline">${entries.map((e) => entryItem(e, locale, names, eventNames))}</ol></section>`;
}
