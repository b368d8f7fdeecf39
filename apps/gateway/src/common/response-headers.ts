import type { FastifyReply, FastifyRequest } from 'fastify';

/** One year; sent only when the public base URL is https (a browser ignores it over http anyway). */
export const HSTS = 'max-age=31536000';

/**
 * The API docs page (Swagger UI): its script and styles are files of this origin; the UI sets inline
 * styles on elements, hence `'unsafe-inline'` for styles only. Never framed, no plugins, no base tag.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Staff answers (the staff API, sign-in, the console) hold data meant for one person: never stored. */
export function isStaffPath(path: string): boolean {
  return (
    (path.startsWith('/api/') && !path.startsWith('/api/v1/public/') && !path.startsWith('/api/docs')) ||
    path === '/console' ||
    path.startsWith('/console/')
  );
}

/**
 * Headers every answer carries, whatever produced it (a handler, a filter, Fastify's own 404/415 or
 * Swagger UI): run as an `onSend` hook.
 * - `X-Content-Type-Options: nosniff` on everything, JSON and problem+json included;
 * - `Strict-Transport-Security` when the site is served over https;
 * - `Cache-Control: no-store` on the staff API, sign-in and console (overriding nothing public);
 * - a CSP with `frame-ancestors 'none'` on the API docs.
 */
export function addResponseHeaders(request: FastifyRequest, reply: FastifyReply, options: { https: boolean }): void {
  const path = request.url.split('?', 1)[0] ?? '';
  void reply.header('x-content-type-options', 'nosniff');
  if (options.https) void reply.header('strict-transport-security', HSTS);
  if (isStaffPath(path)) void reply.header('cache-control', 'no-store');
  if (path === '/api/docs' || path.startsWith('/api/docs/')) {
    void reply.header('content-security-policy', DOCS_CSP).header('x-frame-options', 'DENY');
  }
}
