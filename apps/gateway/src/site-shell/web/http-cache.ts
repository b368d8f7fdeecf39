import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Conditional GET for feeds, Nest-free. Readers poll feeds; a 304 saves them the body.
 * Only the entity tag decides a 304. `Last-Modified` is sent for information but `If-Modified-Since`
 * alone never yields a 304: it has one-second resolution, and an entry may reach the log after a
 * newer one of another decision, so a date cannot prove the feed unchanged.
 */

/** A strong entity tag of the exact body: any change of entries, titles or base URL changes it. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header matches the tag (weak comparison, RFC 9110 §13.1.2). */
export function noneMatchHits(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === tag;
  });
}

/** An RFC 3339 instant as an HTTP-date (IMF-fixdate), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function httpDate(instant: string): string {
  return new Date(instant).toUTCString();
}

/**
 * Sends `body` with `Cache-Control`, a strong ETag (computed from the body unless given) and its type,
 * or 304 without a body when `If-None-Match` matches. Feeds, public pages, charts and assets alike.
 */
export async function sendCacheable(
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
  body: string | Buffer,
  options: { type: string; cacheControl: string; tag?: string; status?: number },
): Promise<void> {
  const tag = options.tag ?? entityTag(typeof body === 'string' ? body : body.toString('latin1'));
  void reply.header('cache-control', options.cacheControl).header('etag', tag);
  if ((options.status ?? 200) === 200 && noneMatchHits(ifNoneMatch, tag)) {
    await reply.status(304).send();
    return;
  }
  await reply
    .status(options.status ?? 200)
    .type(options.type)
    .send(body);
}
