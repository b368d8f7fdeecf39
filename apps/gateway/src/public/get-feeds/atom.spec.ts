import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { escapeAttribute, escapeXml, renderAtom, rfc3339, type AtomFeed } from './atom';

const MARKUP_TITLE = `关于<script>alert("x")</script>&'引号'的决定 ]]>`;

const aFeed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
  title: MARKUP_TITLE,
  updated: '2026-11-26T08:00:00.000Z',
  lang: 'zh-CN',
  author: '某单位 & "办公室"',
  links: [{ rel: 'self', type: 'application/atom+xml', href: 'https://example.gov.cn/feeds/decisions.atom?a=1&b="2"' }],
  entries: [
    {
      id: 'urn:uuid:00000000-0000-5000-8000-000000000001',
      title: `【征求意见】${MARKUP_TITLE}`,
      updated: '2026-11-26T08:00:00Z',
      published: '2026-11-26T16:00:00+08:00',
      author: '承办单位',
      links: [{ rel: 'alternate', type: 'text/html', href: 'https://example.gov.cn/decisions/abc' }],
      categories: [{ term: 'ConsultationOpened', label: '征求意见 <开始>' }],
      summary: '第一行\r\n第二行 <b>不是标签</b>',
      content: '条目哈希：abc\n前一条哈希：000',
    },
  ],
  ...overrides,
});

describe('the Atom writer', () => {
  it('escapes the five XML special characters in text and attributes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a> ]]>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt; ]]&gt;',
    );
    expect(escapeAttribute(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });

  it('keeps line breaks in text, and tabs and line breaks in attributes as character references', () => {
    expect(escapeXml('一\r\n二\t三')).toBe('一&#13;\n二\t三');
    expect(escapeAttribute('一\r\n二\t三')).toBe('一&#13;&#10;二&#9;三');
  });

  it('drops characters XML 1.0 cannot carry and keeps every other Unicode character', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uFFFFf')).toBe('abcdef');
    expect(escapeXml('lone \uD800 surrogate \uDC00')).toBe('lone  surrogate ');
    expect(escapeXml('汉字 😀 \u00A0 \uE000')).toBe('汉字 😀 \u00A0 \uE000');
  });

  it('writes RFC 3339 UTC date-times from any parseable instant and refuses an invalid one', () => {
    expect(rfc3339('2026-11-26T16:00:00+08:00')).toBe('2026-11-26T08:00:00.000Z');
    expect(rfc3339(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(rfc3339('2026-11-26T08:00:00.000Z')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(() => rfc3339('yesterday')).toThrow(RangeError);
  });

  it('renders a well-formed document that a feed parser reads back unchanged, markup included', () => {
    const xml = renderAtom(aFeed());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/,
    );
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe(MARKUP_TITLE);
    expect(feed.language).toBe('zh-CN');
    expect(feed.self).toBe('https://example.gov.cn/feeds/decisions.atom?a=1&b="2"');
    expect(feed.authors[0]?.name).toBe('某单位 & "办公室"');
    expect(feed.updated?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    const [entry] = feed.items;
    expect(entry?.title).toBe(`【征求意见】${MARKUP_TITLE}`);
    expect(entry?.published?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(entry?.categories[0]).toMatchObject({ term: 'ConsultationOpened', label: '征求意见 <开始>' });
    expect(entry?.description).toBe('第一行\r\n第二行 <b>不是标签</b>');
  });

  it('renders a feed without entries', () => {
    const xml = renderAtom(
      aFeed({ entries: [], subtitle: '无', generator: { name: 'Open Decision', uri: 'https://example.gov.cn/' } }),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseFeed(xml).items).toEqual([]);
  });
});
