import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCacheable } from './http-cache';
import { LANG_COOKIE, resolveLocale, type Locale } from './i18n';
import type { Html } from './html';
import { siteIdentityOf, type SiteIdentity } from './site-identity';

/** The cookie that remembers the large-text mode (适老化, ADR 91), set by `?text=large`, cleared by `?text=normal`. */
export const TEXT_COOKIE = 'od_text';

/** What every page renders with: the language, the path (for the language switch) and the query. */
export interface PageContext {
  locale: Locale;
  /** The request path without query, e.g. `/decisions/abc`. */
  path: string;
  query: Record<string, string | undefined>;
  /** Large-text mode: the layout puts `class="large-text"` on `<html>` (ADR 91). */
  largeText?: boolean;
  /** The footer's hosting body, contact, site code and ICP filing; lines left out when unset. */
  site?: SiteIdentity;
}

type CookieRequest = FastifyRequest & { cookies?: Record<string, string | undefined> };

/**
 * Builds the page context and remembers an explicit `?lang=` and `?text=large|normal` in cookies (a year,
 * Lax: they are only preferences, readable by nothing but this site), so both work without JavaScript.
 */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  const cookies = (request as CookieRequest).cookies ?? {};
  const locale = resolveLocale(query['lang'], cookies[LANG_COOKIE]);
  if (query['lang'] === locale && cookies[LANG_COOKIE] !== locale) {
    void reply.setCookie(LANG_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
  }
  const largeText = query['text'] === 'large' || (query['text'] !== 'normal' && cookies[TEXT_COOKIE] === 'large');
  if (query['text'] === 'large' && cookies[TEXT_COOKIE] !== 'large') {
    void reply.setCookie(TEXT_COOKIE, 'large', { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
  } else if (query['text'] === 'normal' && cookies[TEXT_COOKIE] !== undefined) {
    void reply.clearCookie(TEXT_COOKIE, { path: '/' });
  }
  const path = request.url.split('?')[0] ?? '/';
  return { locale, path, query, largeText, site: siteIdentityOf(request.server) };
}

/**
 * The strict policy of every page (DESIGN.md §6): scripts, styles and images only from this origin, no
 * inline script or style, forms only to this origin, never framed. Charts are SVG images (`<img>`), so
 * their inline styles live in their own documents, not in the page.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "manifest-src 'self'",
].join('; ');

/** Headers every HTML answer carries. */
export function setPageSecurityHeaders(reply: FastifyReply): void {
  void reply
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
}

const HTML = 'text/html; charset=utf-8';

export interface SendOptions {
  status?: number;
  /**
   * `public`: anyone may cache for a minute and revalidate with the ETag (public pages without personal
   * content). `private`: never stored (staff pages, pages that show a receipt or a form's errors).
   */
  cache: 'public' | 'private';
}

/** Sends a rendered page with security headers, caching and a 304 on a matching `If-None-Match`. */
export async function sendHtml(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Html,
  options: SendOptions,
): Promise<void> {
  setPageSecurityHeaders(reply);
  if (options.cache === 'private') {
    await reply
      .header('cache-control', 'no-store')
      .type(HTML)
      .status(options.status ?? 200)
      .send(page.value);
    return;
  }
  void reply.header('vary', 'Cookie');
  await sendCacheable(reply, request.headers['if-none-match'], page.value, {
    type: HTML,
    cacheControl: 'public, max-age=60',
    status: options.status,
  });
}
