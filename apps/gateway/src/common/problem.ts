import { ERROR_CODES, type ErrorCode } from '../../../../libs/domain/src/errors/error-codes';

/** RFC 9457 problem details, with our stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * The problem for a catalogued code; its status is the catalogue's (ADR 0040). Only HTTP_ERROR, the
 * fallback for a status the HTTP layer raised that has no code of its own, passes `status`.
 */
export function problem(
  code: ErrorCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  status: number = ERROR_CODES[code].status,
): Problem {
  return { type: `/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extensions };
}
