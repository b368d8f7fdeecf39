import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import type { PublicLogEntry } from '../../../../../libs/domain/src';
import type { PublicFeedPage } from '../../../../../libs/persistence/src';
import { renderAtom } from './atom';
import { decisionFeed, decisionFeedId, entryId, recentFeed, uuidV5 } from './decision-feeds';

const BASE = 'https://decisions.example.gov.cn';
const TITLE = '关于"<提高>"补贴 & 标准的决定';

const anEntry = (
  decisionId: string,
  seq: number,
  type: PublicLogEntry['type'],
  occurredAt: string,
  data: Record<string, unknown> = {},
): PublicLogEntry => ({
  decisionId,
  seq,
  type,
  occurredAt,
  actor: seq === 2 ? { unit: 'system', role: 'system' } : { unit: 'unit-a', role: 'drafter' },
  data,
  prevHash: String(seq - 1).repeat(64),
  hash: String(seq).repeat(64),
});

const page = (): PublicFeedPage => ({
  entries: [
    anEntry('d1', 2, 'ConsultationOpened', '2026-11-26T08:00:00.000Z', {
      opensAt: '2026-11-26T08:00:00.000Z',
      closesAt: '2026-12-26T08:00:00.000Z',
      channels: ['online', 'hearing'],
    }),
    anEntry('gone', 1, 'DecisionRegistered', '2026-11-25T08:00:00.000Z'),
    anEntry('d1', 1, 'DecisionRegistered', '2026-11-20T01:02:03.000Z', { title: TITLE, summary: '概要' }),
  ],
  decisions: new Map([['d1', { id: 'd1', title: TITLE, unit: 'unit-a' }]]),
  unitNames: new Map([['unit-a', '市人社局']]),
});

describe('decision feeds', () => {
  it('makes RFC 9562 version-5 UUIDs (the RFC example: DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('identifies entries by decision and seq only, never by the deployment URL', () => {
    expect(entryId('d1', 1)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entryId('d1', 1)).toBe(entryId('d1', 1));
    expect(new Set([entryId('d1', 1), entryId('d1', 2), entryId('d2', 1), decisionFeedId('d1')]).size).toBe(4);
    expect(recentFeed('http://other:1', page()).entries.map((e) => e.id)).toEqual(
      recentFeed(BASE, page()).entries.map((e) => e.id),
    );
  });

  it('lists the newest entries of public decisions in the order given, with absolute links on the base URL', () => {
    const feed = recentFeed(BASE, page());
    expect(feed).toMatchObject({
      id: `${BASE}/feeds/decisions.atom`,
      updated: '2026-11-26T08:00:00.000Z',
      lang: 'zh-CN',
    });
    expect(feed.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${BASE}/feeds/decisions.atom`,
    });
    expect(feed.entries.map((e) => e.title)).toEqual([`【征求意见】${TITLE}`, `【纳入决策事项目录】${TITLE}`]);
    const [opened] = feed.entries;
    expect(opened).toMatchObject({
      id: entryId('d1', 2),
      updated: '2026-11-26T08:00:00.000Z',
      author: '系统自动记录',
      categories: [{ term: 'ConsultationOpened', label: '征求意见' }],
    });
    expect(opened!.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: `${BASE}/decisions/d1` },
      { rel: 'alternate', type: 'application/json', href: `${BASE}/api/v1/public/decisions/d1` },
      {
        rel: 'related',
        type: 'application/json',
        href: `${BASE}/api/v1/public/decisions/d1/timeline`,
        title: '公开日志（可逐条核验哈希）',
      },
    ]);
    expect(opened!.summary).toBe('征求意见开始，截止时间2026-12-26 16:00。渠道：网上征求意见、听证会。');
    expect(opened!.content).toContain(`条目哈希（SHA-256）：${'2'.repeat(64)}`);
    expect(opened!.content).toContain(`前一条哈希：${'1'.repeat(64)}`);
    expect(feed.entries[1]!.author).toBe('市人社局（承办单位）');
  });

  it('gives one decision its own feed, authored by its unit', () => {
    const feed = decisionFeed(BASE, page(), 'd1');
    expect(feed).toMatchObject({ id: decisionFeedId('d1'), title: `${TITLE}：决策过程公开日志`, author: '市人社局' });
    expect(feed.links[0]).toEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${BASE}/feeds/decisions/d1.atom`,
    });
  });

  it('names units, milestones and findings instead of their codes, and keeps the event type out of the text', () => {
    const planned = anEntry('d1', 3, 'MilestonePlanned', '2026-11-27T08:00:00.000Z', {
      milestoneId: 'm2',
      title: '完成宣传解读',
      unit: 'unit-b',
      dueAt: '2027-03-31T08:00:00.000Z',
      weight: 1,
    });
    const published = anEntry('d1', 4, 'DecisionPublished', '2026-11-28T08:00:00.000Z', {
      text: '第一条',
      executionUnit: 'unit-b',
      evaluationDueAt: '2027-12-31T08:00:00.000Z',
    });
    const progress = anEntry('d1', 5, 'ProgressReported', '2026-11-29T08:00:00.000Z', {
      milestoneId: 'm2',
      percent: 40,
      narrative: '已完成一半',
    });
    const named: PublicFeedPage = {
      entries: [progress, published],
      decisions: page().decisions,
      unitNames: new Map([
        ['unit-a', '市人社局'],
        ['unit-b', '市住建局'],
      ]),
      titles: [planned],
    };
    const [reported, adopted] = recentFeed(BASE, named).entries;
    expect(reported!.summary).toBe('里程碑「完成宣传解读」进度40%。已完成一半');
    expect(adopted!.summary).toContain('执行单位：市住建局；');
    for (const entry of [reported!, adopted!]) {
      expect(entry.content).not.toMatch(/unit-[ab]|m2|ProgressReported|DecisionPublished/);
      expect(entry.categories[0]!.term).toMatch(/^(ProgressReported|DecisionPublished)$/);
    }
    expect(reported!.content).toContain('公开日志第 5 条：执行进展');
  });

  it('is dated at the epoch when there is nothing yet', () => {
    expect(recentFeed(BASE, { entries: [], decisions: new Map(), unitNames: new Map() }).updated).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  it('renders to a document a feed parser reads with the same titles and ids', () => {
    const xml = renderAtom(recentFeed(BASE, page()));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.items.map((i) => [i.id, i.title, i.url])).toEqual([
      [entryId('d1', 2), `【征求意见】${TITLE}`, `${BASE}/decisions/d1`],
      [entryId('d1', 1), `【纳入决策事项目录】${TITLE}`, `${BASE}/decisions/d1`],
    ]);
  });
});

describe('the site feed and the working-day calendar (ADR 23)', () => {
  it('has an entry for each calendar change, in time order with the log entries, linking the calendar page', () => {
    const change = {
      version: 1,
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02'],
      workdays: ['2027-01-09'],
      sourceReference: '国办发明电〔2099〕1号',
      sourceDate: '2026-12-10',
      changedBy: { unit: 'unit-a', role: 'admin' },
      changedAt: '2099-01-01T00:00:00.000Z',
    };
    const page: PublicFeedPage = { entries: [], decisions: new Map(), unitNames: new Map() };
    const feed = recentFeed(BASE, page, [change]);
    expect(feed.updated).toBe(change.changedAt);
    expect(feed.entries[0]).toMatchObject({
      title: '【工作日历调整】2027年放假安排（第 1 版）',
      links: [{ href: `${BASE}/calendar` }, { href: `${BASE}/api/v1/public/calendar` }],
    });
    expect(feed.entries[0]!.summary).toContain('国办发明电〔2099〕1号');
    expect(XMLValidator.validate(renderAtom(feed))).toBe(true);
  });
});
