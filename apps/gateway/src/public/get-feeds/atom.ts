/**
 * A minimal Atom 1.0 (RFC 4287) writer. Free of Nest and I/O so that it is unit-tested directly.
 * Every string that reaches the document goes through `escapeXml`/`escapeAttribute`: titles and summaries
 * come from staff input and may hold markup, quotes and characters XML cannot carry.
 */

// Characters outside XML 1.0's `Char` production (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};
// In attributes, tab and line breaks are escaped too: attribute-value normalisation would turn them into spaces.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

/** Escapes character data; characters XML 1.0 cannot represent are dropped rather than breaking the document. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes an attribute value (always written between double quotes). */
export function escapeAttribute(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/**
 * An RFC 3339 `date-time` in UTC as Atom wants it (upper-case `T` and `Z`), from any instant JavaScript
 * parses. Throws on an invalid date: a feed with a wrong date is worse than an error.
 */
export function rfc3339(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date.toISOString();
}

export interface AtomLink {
  href: string;
  rel: 'self' | 'alternate' | 'related' | 'via';
  type?: string;
  title?: string;
}

export interface AtomCategory {
  term: string;
  label?: string;
  scheme?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published?: string;
  author?: string;
  links: AtomLink[];
  categories: AtomCategory[];
  summary: string;
  /** Plain text (`type="text"`): line breaks are kept, nothing is interpreted as markup. */
  content?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  /** Language of the document's text, on the root element as `xml:lang`. */
  lang: string;
  author: string;
  generator?: { name: string; uri?: string };
  links: AtomLink[];
  entries: AtomEntry[];
}

type Attributes = Record<string, string | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/** An element with escaped text content. */
function text(name: string, value: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(value)}</${name}>`;
}

const empty = (name: string, attrs: Attributes): string => `<${name}${attributes(attrs)}/>`;
const link = (l: AtomLink): string => empty('link', { rel: l.rel, type: l.type, href: l.href, title: l.title });
const category = (c: AtomCategory): string => empty('category', { term: c.term, scheme: c.scheme, label: c.label });
const person = (name: string): string => `<author>${text('name', name)}</author>`;

function entry(e: AtomEntry): string {
  const parts = [
    text('id', e.id),
    text('title', e.title, { type: 'text' }),
    text('updated', rfc3339(e.updated)),
    ...(e.published ? [text('published', rfc3339(e.published))] : []),
    ...(e.author ? [person(e.author)] : []),
    ...e.links.map(link),
    ...e.categories.map(category),
    text('summary', e.summary, { type: 'text' }),
    ...(e.content !== undefined ? [text('content', e.content, { type: 'text' })] : []),
  ];
  return `  <entry>\n${parts.map((p) => `    ${p}\n`).join('')}  </entry>\n`;
}

/** The whole document, UTF-8, entries in the order given. */
export function renderAtom(feed: AtomFeed): string {
  const head = [
    text('id', feed.id),
    text('title', feed.title, { type: 'text' }),
    ...(feed.subtitle ? [text('subtitle', feed.subtitle, { type: 'text' })] : []),
    text('updated', rfc3339(feed.updated)),
    person(feed.author),
    ...(feed.generator ? [text('generator', feed.generator.name, { uri: feed.generator.uri })] : []),
    ...feed.links.map(link),
  ];
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xml:lang': feed.lang })}>\n` +
    head.map((p) => `  ${p}\n`).join('') +
    feed.entries.map(entry).join('') +
    '</feed>\n'
  );
}
