import type { Locale } from './i18n';

/**
 * Plain words for the problem codes a page can meet, in both languages. A page shows these instead of
 * the API's English `detail`; a code missing here falls back to the status's words. Add codes as pages
 * meet them (the API's codes are stable, SPEC.md §7).
 */
const BY_CODE: Record<string, Record<Locale, string>> = {
  DECISION_NOT_FOUND: { 'zh-CN': '没有找到这项决策，或它尚未公开。', en: 'This decision does not exist or is not public.' },
  NOT_FOUND: { 'zh-CN': '没有找到这个页面。', en: 'This page does not exist.' },
  CONSULTATION_NOT_OPEN: { 'zh-CN': '这项决策目前不在征求意见期内，意见未被接收。', en: 'This decision is not open for opinions at the moment; your opinion was not received.' },
  RATE_LIMITED: { 'zh-CN': '提交过于频繁，请稍后再试。您的意见未被接收。', en: 'Too many submissions from your connection; please wait a moment. Your opinion was not received.' },
  VALIDATION_FAILED: { 'zh-CN': '填写的内容有误，请检查后重新提交。', en: 'Some fields are not valid; please check them and send again.' },
  TEMPORAL_UNAVAILABLE: { 'zh-CN': '流程服务暂时不可用，本次操作没有生效，请稍后重试。', en: 'The workflow service is unavailable; nothing was changed. Please try again shortly.' },
  DATABASE_UNAVAILABLE: { 'zh-CN': '数据服务暂时不可用，本次操作没有生效，请稍后重试。', en: 'The database is unavailable; nothing was changed. Please try again shortly.' },
  UNAUTHORIZED: { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  TOKEN_INVALID: { 'zh-CN': '登录已过期，请重新登录。', en: 'Your session has expired; please sign in again.' },
  ROLE_NOT_ALLOWED: { 'zh-CN': '您的角色无权进行此操作。', en: 'Your role may not perform this action.' },
  CSRF_INVALID: { 'zh-CN': '表单已过期或来源不可信，请刷新页面后重试。', en: 'The form has expired or did not come from this site; reload the page and try again.' },
  INTERNAL: { 'zh-CN': '发生了意外错误，已记录，请稍后重试。', en: 'An unexpected error occurred and has been logged; please try again later.' },
};

const BY_STATUS: Record<number, Record<Locale, string>> = {
  400: { 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  401: BY_CODE['UNAUTHORIZED']!,
  403: { 'zh-CN': '您无权访问此页面。', en: 'You may not see this page.' },
  404: BY_CODE['NOT_FOUND']!,
  409: { 'zh-CN': '当前阶段不允许此操作。', en: 'This action is not allowed at the current stage.' },
  413: { 'zh-CN': '提交的内容过大。', en: 'The submission is too large.' },
  422: BY_CODE['VALIDATION_FAILED']!,
  429: BY_CODE['RATE_LIMITED']!,
  503: { 'zh-CN': '服务暂时不可用，请稍后重试。', en: 'The service is temporarily unavailable; please try again shortly.' },
};

export function problemText(code: string, status: number, locale: Locale): string {
  return (BY_CODE[code] ?? BY_STATUS[status] ?? BY_CODE['INTERNAL']!)[locale];
}

/** Registers plain words for more codes (a page module calls it once at load). */
export function addProblemTexts(texts: Record<string, Record<Locale, string>>): void {
  Object.assign(BY_CODE, texts);
}
