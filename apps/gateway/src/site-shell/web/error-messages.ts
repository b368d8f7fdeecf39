import { ERROR_CODES, isErrorCode } from '../../../../../libs/domain/src/errors/error-codes';
import type { Locale } from './i18n';

/** A page's own words for some codes, where the catalogue's general words would say less. */
export type PageProblemTexts = Readonly<Record<string, Record<Locale, string>>>;

const INTERNAL: Record<Locale, string> = { 'zh-CN': ERROR_CODES.INTERNAL.zh, en: ERROR_CODES.INTERNAL.en };

const BY_STATUS: Record<number, Record<Locale, string>> = {
  400: { 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  401: { 'zh-CN': ERROR_CODES.UNAUTHORIZED.zh, en: ERROR_CODES.UNAUTHORIZED.en },
  403: { 'zh-CN': '您无权访问此页面。', en: 'You may not see this page.' },
  404: { 'zh-CN': ERROR_CODES.NOT_FOUND.zh, en: ERROR_CODES.NOT_FOUND.en },
  409: { 'zh-CN': '当前阶段不允许此操作。', en: 'This action is not allowed at the current stage.' },
  413: { 'zh-CN': '提交的内容过大。', en: 'The submission is too large.' },
  422: { 'zh-CN': ERROR_CODES.VALIDATION_FAILED.zh, en: ERROR_CODES.VALIDATION_FAILED.en },
  429: { 'zh-CN': ERROR_CODES.RATE_LIMITED.zh, en: ERROR_CODES.RATE_LIMITED.en },
  503: {
    'zh-CN': '服务暂时不可用，请稍后重试。',
    en: 'The service is temporarily unavailable; please try again shortly.',
  },
};

/**
 * Plain words for a problem code, in the page's language: the page's own words if it has some for the
 * code, else the catalogue's (libs/domain error-codes.ts, ADR 0040), else the status's. Pages show
 * these instead of the API's English `detail`. A page's own words stay its own: nothing registers texts
 * globally (two pages once overwrote each other's words for INVALID_TEXT and RECEIPT_NOT_FOUND).
 */
export function problemText(code: string, status: number, locale: Locale, own: PageProblemTexts = {}): string {
  const mine = own[code];
  if (mine) return mine[locale];
  if (isErrorCode(code)) return locale === 'zh-CN' ? ERROR_CODES[code].zh : ERROR_CODES[code].en;
  return (BY_STATUS[status] ?? INTERNAL)[locale];
}
