import { inBeijing, pad } from './public-event-text';

/**
 * Languages of the site: zh-CN first, English second (SPEC.md §8). Each page defines its own messages
 * with `defineMessages`, so a missing English string fails to compile. Times are stored in UTC and
 * shown in Asia/Shanghai.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** The cookie that remembers a visitor's language choice (set by `?lang=`). */
export const LANG_COOKIE = 'od_lang';

export type Messages<K extends string> = Record<K, string>;

/** zh-CN is the source; English must have exactly the same keys. */
export function defineMessages<K extends string>(zh: Messages<K>, en: Messages<K>): Record<Locale, Messages<K>> {
  return { 'zh-CN': zh, en };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `?lang=` wins, then the cookie, then zh-CN. Accept-Language is not consulted: the site is Chinese first. */
export function resolveLocale(queryLang: unknown, cookieLang: unknown): Locale {
  if (isLocale(queryLang)) return queryLang;
  if (isLocale(cookieLang)) return cookieLang;
  return DEFAULT_LOCALE;
}

/** Replaces `{name}` placeholders; values are plain text (escaping happens in `html`). A date and time in
 * a value are kept on one line (`keepDatesWhole`). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? keepDatesWhole(String(values[name])) : match,
  );
}

/**
 * `2026-12-02 13:05` in running text with a no-break space between date and time, so a line never ends
 * between them (ADR 106; a date alone has no break opportunity, and `<time>` elements are `nowrap`). For
 * display only: form values keep the plain space their parser reads.
 */
export function keepDatesWhole(text: string): string {
  return text.replace(/(\d{4}-\d\d-\d\d) (\d\d:\d\d)/g, '$1\u00a0$2');
}

/** `2026-12-02 13:05` in Asia/Shanghai (both languages: ISO order reads well in each). */
export function formatDateTime(iso: string | null | undefined): string {
  return inBeijing(iso, (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} ${d.hh}:${d.mm}`);
}

/** `2026-12-02` in Asia/Shanghai. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  'zh-CN': new Intl.NumberFormat('zh-CN'),
  en: new Intl.NumberFormat('en'),
};

export function formatNumber(value: number, locale: Locale): string {
  return NUMBER_FORMATS[locale].format(value);
}

/** The colon after a label: full-width on Chinese pages, ASCII and a space on English ones (ADR 91). */
export function colon(locale: Locale): string {
  return locale === 'zh-CN' ? '：' : ': ';
}

/** The semicolon between clauses: full-width on Chinese pages, ASCII and a space on English ones. */
export function semicolon(locale: Locale): string {
  return locale === 'zh-CN' ? '；' : '; ';
}

/** An aside in brackets: full-width on Chinese pages, ASCII after a space on English ones. */
export function inBrackets(text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `（${text}）` : ` (${text})`;
}
