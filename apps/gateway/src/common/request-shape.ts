import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** `application/x-www-form-urlencoded` or `multipart/form-data`: what an HTML form posts. */
export function isFormEncoded(contentType: string | undefined): boolean {
  const type = mediaType(contentType);
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/** The API's one multipart route: an attachment upload (ADR 87). */
const UPLOAD_PATH = /^\/api\/v1\/decisions\/[^/]+\/attachments$/;

function isUploadPath(path: string, contentType: string | undefined): boolean {
  return UPLOAD_PATH.test(path) && mediaType(contentType) === 'multipart/form-data';
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refusals decided from the request line and headers alone, before any body is read or any handler runs
 * (an `onRequest` hook): each is a 4xx with a stable code and changes nothing.
 * - The JSON API takes JSON only (415): a cross-site HTML form can never post to it. The one exception is
 *   the attachment upload (`multipart/form-data`, ADR 87), which still needs a staff bearer token.
 * - Pages take HTML forms only (415): a page handler never sees a JSON body it was not written for.
 * - A NUL (`%00`) in the path or query is refused (400 `INVALID_CHARACTER`): no id, receipt or search
 *   word holds one, and PostgreSQL text cannot store it.
 * - A query parameter given twice (`?receipt=a&receipt=b`) is ambiguous: 400 `REPEATED_QUERY_PARAMETER`,
 *   so that no handler receives an array where it expects a string.
 */
export function refusalOf(request: FastifyRequest): Error | undefined {
  const path = request.url.split('?', 1)[0] ?? '';
  const contentType = request.headers['content-type'];
  if (path.startsWith('/api/') && isFormEncoded(contentType) && !isUploadPath(path, contentType)) {
    return Object.assign(new Error('The API accepts application/json bodies only.'), { statusCode: 415 });
  }
  if (
    !path.startsWith('/api/') &&
    METHODS_WITH_BODY.has(request.method) &&
    (contentType !== undefined || hasBody(request)) &&
    !isFormEncoded(contentType)
  ) {
    return Object.assign(new Error('Pages accept HTML form posts (application/x-www-form-urlencoded) only.'), {
      statusCode: 415,
    });
  }
  if (/%00/.test(request.url)) {
    return new DomainError('INVALID_CHARACTER', 'malformed', 'The URL holds a NUL character (%00).');
  }
  const query = (request.query ?? {}) as Record<string, unknown>;
  const repeated = Object.keys(query).find((key) => Array.isArray(query[key]));
  if (repeated !== undefined) {
    return new DomainError(
      'REPEATED_QUERY_PARAMETER',
      'malformed',
      `The query parameter "${repeated.slice(0, 64)}" is given more than once.`,
      { parameter: repeated.slice(0, 64) },
    );
  }
  return undefined;
}

/** Where in a JSON value a `null` is, as a dotted path (`selection`, `answers.0.text`), or undefined. */
export function nullPathOf(value: unknown, prefix = ''): string | undefined {
  if (value === null) return prefix || '(body)';
  if (typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = nullPathOf(item, prefix ? `${prefix}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
