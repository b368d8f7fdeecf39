import { createHash } from 'node:crypto';
import type { PublicLogEntry } from '../../../../../libs/domain/src';
import type { CalendarChange, FeedDecision, PublicFeedPage } from '../../../../../libs/persistence/src';
import { eventNamesOf } from '../../site-shell/web/names';
import {
  beijingTime,
  eventLabel,
  roleLabel,
  summarizeEvent,
  type EventNames,
} from '../../site-shell/web/public-event-text';
import type { AtomEntry, AtomFeed, AtomLink } from './atom';

/**
 * Public log entries as Atom documents (SPEC.md §7). Nest-free. URLs are absolute, built on the
 * configured public base URL, never on the request's Host header (a client could spoof it).
 */

/** The global feed holds this many of the newest entries. */
export const RECENT_ENTRIES = 50;

const ATOM = 'application/atom+xml';
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Name-based UUIDs of this namespace identify decisions and log entries in every deployment. */
export const UUID_NAMESPACE = '8b804400-b413-49b3-a909-99c792f846ca';

/**
 * RFC 9562 version-5 UUID of `name` in the Open Decision namespace. Entry and per-decision feed ids
 * depend only on decision id and seq, so moving a deployment to another host never duplicates entries
 * in readers (RFC 4287 §4.2.6: an id never changes).
 */
export function uuidV5(name: string, namespace = UUID_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const entryId = (decisionId: string, seq: number): string =>
  `urn:uuid:${uuidV5(`decision/${decisionId}/log/${seq}`)}`;
export const decisionFeedId = (decisionId: string): string => `urn:uuid:${uuidV5(`decision/${decisionId}/feed`)}`;

/** The public URLs of one decision under `base` (no trailing slash). */
export function decisionUrls(base: string, decisionId: string) {
  const id = encodeURIComponent(decisionId);
  return {
    page: `${base}/decisions/${id}`,
    api: `${base}/api/v1/public/decisions/${id}`,
    timeline: `${base}/api/v1/public/decisions/${id}/timeline`,
    feed: `${base}/feeds/decisions/${id}.atom`,
  };
}

function decisionLinks(base: string, decisionId: string): AtomLink[] {
  const urls = decisionUrls(base, decisionId);
  return [
    { rel: 'alternate', type: 'text/html', href: urls.page },
    { rel: 'alternate', type: 'application/json', href: urls.api },
    { rel: 'related', type: 'application/json', href: urls.timeline, title: '公开日志（可逐条核验哈希）' },
  ];
}

const unitName = (page: PublicFeedPage, unit: string): string => page.unitNames.get(unit) ?? unit;

function author(page: PublicFeedPage, entry: PublicLogEntry): string {
  return entry.actor.role === 'system'
    ? '系统自动记录'
    : `${unitName(page, entry.actor.unit)}（${roleLabel(entry.actor.role)}）`;
}

/**
 * The names a decision's entries use instead of codes (ADR 108): units from the page's unit names,
 * milestones and findings from the decision's `MilestonePlanned` / `AuditFindingPublished` entries.
 */
function eventNames(page: PublicFeedPage, decisionId: string): EventNames {
  const units = new Map([...page.unitNames].map(([id, name]) => [id, { name, nameEn: '' }]));
  const titles = (page.titles ?? []).filter((entry) => entry.decisionId === decisionId);
  return eventNamesOf(titles, { units, categories: [] }, 'zh-CN');
}

/**
 * One log entry: title `【label】decision title`, the summary with names for codes, and the hashes to
 * cross-check the log. The event's code is the category's term, for readers that filter; not in the text.
 */
function toEntry(
  base: string,
  page: PublicFeedPage,
  entry: PublicLogEntry,
  decision: FeedDecision,
  names: EventNames,
): AtomEntry {
  const label = eventLabel(entry.type);
  const summary = summarizeEvent(entry.type, entry.data, names);
  const content = [
    summary,
    '',
    `公开日志第 ${entry.seq} 条：${label}`,
    `发生时间：${beijingTime(entry.occurredAt)}（北京时间）`,
    `条目哈希（SHA-256）：${entry.hash}`,
    `前一条哈希：${entry.prevHash}`,
    `核验：${decisionUrls(base, entry.decisionId).timeline}`,
  ].join('\n');
  return {
    id: entryId(entry.decisionId, entry.seq),
    title: `【${label}】${decision.title}`,
    updated: entry.occurredAt,
    published: entry.occurredAt,
    author: author(page, entry),
    links: decisionLinks(base, entry.decisionId),
    categories: [{ term: entry.type, label }],
    summary,
    content,
  };
}

function entries(base: string, page: PublicFeedPage): AtomEntry[] {
  const names = new Map<string, EventNames>();
  return page.entries.flatMap((entry) => {
    const decision = page.decisions.get(entry.decisionId);
    if (!decision) return [];
    let own = names.get(entry.decisionId);
    if (!own) names.set(entry.decisionId, (own = eventNames(page, entry.decisionId)));
    return [toEntry(base, page, entry, decision, own)];
  });
}

const GENERATOR = { name: '开放决策 Open Decision' };

/** The newest `occurredAt` of the page (the feed's `updated`), or the epoch for an empty feed. */
export function newest(page: PublicFeedPage): string {
  return page.entries.reduce(
    (max, entry) => (Date.parse(entry.occurredAt) > Date.parse(max) ? entry.occurredAt : max),
    EPOCH,
  );
}

/** A change of the working-day calendar (ADR 23): which year, the notice, what the year now holds. */
export function calendarEntry(base: string, change: CalendarChange): AtomEntry {
  const summary = `${change.year}年放假安排：节假日${change.holidays.length}天，调休上班日${change.workdays.length}天（${change.workdays.join('、') || '无'}）。依据：${change.sourceReference}（${change.sourceDate}）。正在办理的决策事项按新的工作日历重新计算期限。`;
  return {
    id: `urn:uuid:${uuidV5(`calendar/${change.version}`)}`,
    title: `【工作日历调整】${change.year}年放假安排（第 ${change.version} 版）`,
    updated: change.changedAt,
    published: change.changedAt,
    author: '工作日历（管理员）',
    links: [
      { rel: 'alternate', type: 'text/html', href: `${base}/calendar` },
      { rel: 'alternate', type: 'application/json', href: `${base}/api/v1/public/calendar` },
    ],
    categories: [{ term: 'CalendarChanged', label: '工作日历调整' }],
    summary,
    content: [
      summary,
      '',
      `节假日：${change.holidays.join('、')}`,
      `调休上班日：${change.workdays.join('、') || '无'}`,
    ].join('\n'),
  };
}

/** The newest entries of every public decision and the calendar changes among them, newest first. */
export function recentFeed(base: string, page: PublicFeedPage, changes: readonly CalendarChange[] = []): AtomFeed {
  const self = `${base}/feeds/decisions.atom`;
  const merged = [...entries(base, page), ...changes.map((change) => calendarEntry(base, change))]
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
    .slice(0, RECENT_ENTRIES);
  const updated = merged.reduce(
    (max, entry) => (Date.parse(entry.updated) > Date.parse(max) ? entry.updated : max),
    newest(page),
  );
  return {
    id: self,
    title: '重大行政决策公开日志：最新动态',
    subtitle: `各项公开决策的最新 ${RECENT_ENTRIES} 条过程记录，每条附公开日志哈希，可逐条核验。`,
    updated,
    lang: 'zh-CN',
    author: '开放决策',
    generator: GENERATOR,
    links: [
      { rel: 'self', type: ATOM, href: self },
      { rel: 'alternate', type: 'text/html', href: `${base}/` },
    ],
    entries: merged,
  };
}

/** Every entry of one public decision, newest first. */
export function decisionFeed(base: string, page: PublicFeedPage, decisionId: string): AtomFeed {
  const decision = page.decisions.get(decisionId)!;
  return {
    id: decisionFeedId(decisionId),
    title: `${decision.title}：决策过程公开日志`,
    subtitle: '该决策公开日志的全部条目（最新在前），每条附哈希，可与公开日志逐条核验。',
    updated: newest(page),
    lang: 'zh-CN',
    author: unitName(page, decision.unit),
    generator: GENERATOR,
    links: [{ rel: 'self', type: ATOM, href: decisionUrls(base, decisionId).feed }, ...decisionLinks(base, decisionId)],
    entries: entries(base, page),
  };
}
