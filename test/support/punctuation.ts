import type { Page } from 'playwright-core';

/** The languages of the site's pages. */
export type PageLanguage = 'zh-CN' | 'en';

/**
 * A Chinese label ends with a full-width colon (`状态：`), an English one with an ASCII colon and a space
 * (`Status: `) (ADR 91). On a Chinese page an ASCII colon right after a Chinese character (or its closing
 * bracket or quote) is a fault; on an English page a full-width colon after anything but Chinese text is.
 * `https://` and times such as `13:05` follow no Chinese character and pass.
 */
const FAULTS: Record<PageLanguage, RegExp> = {
  'zh-CN': /\p{Script=Han}[）”」]?[ \t]*:(?!\/\/)/gu,
  en: /[^\p{Script=Han}）”」\s][ \t]*：/gu,
};

/** Each fault in `text` with a few characters either side, so a failing test shows where it is. */
export function punctuationFaults(text: string, language: PageLanguage): string[] {
  const faults: string[] = [];
  for (const match of text.matchAll(FAULTS[language])) {
    const at = match.index;
    faults.push(text.slice(Math.max(0, at - 12), at + match[0].length + 12).replace(/\s+/g, ' '));
  }
  return faults;
}

/**
 * The page's own words: its visible text without what people wrote (opinions, the documents' texts,
 * code and form fields) and without passages marked as another language, whose punctuation is theirs.
 */
export async function ownText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script, style, textarea, input, code, pre, .opinion, .document, [lang]').forEach((e) => e.remove());
    body.querySelectorAll('br, p, li, dt, dd, h1, h2, h3, h4, th, td, div, section, caption, summary').forEach((e) => e.append('\\n'));
    return body.textContent;
  })()`);
}
