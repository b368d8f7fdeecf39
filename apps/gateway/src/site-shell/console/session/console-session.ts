import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The console's session and CSRF rules (ADR 0020), as pure functions the guard and the sign-in page use.
 *
 * - The session is the API's own JWT (`sub` = account id) with a random `sid`, kept in an HttpOnly,
 *   SameSite=Strict cookie. Only console routes read the cookie; the JSON API stays Bearer-only, so a
 *   cookie can never authorise an API call.
 * - Every state-changing console form carries `_csrf` = HMAC(AUTH_SECRET, purpose + session id): a
 *   synchronizer token tied to the session, which another site cannot read or compute. The sign-in form
 *   is bound the same way to a random pre-session nonce cookie.
 * - A POST whose Origin (or, without one, Referer) is not PUBLIC_BASE_URL's origin is refused too.
 */
export const CSRF_FIELD = '_csrf';

/** Cookie names: `__Host-` (Secure, Path=/, no Domain — the browser enforces it) when served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-od_console' : 'od_console';
}

export function signInNonceCookieName(secure: boolean): string {
  return secure ? '__Host-od_signin' : 'od_signin';
}

/** Secure whenever the public address is https; plain http is for local use only (see ADR 0020). */
export function isSecureBase(publicBaseUrl: string): boolean {
  return new URL(publicBaseUrl).protocol === 'https:';
}

export interface CookieOptions {
  path: '/';
  httpOnly: true;
  sameSite: 'strict';
  secure: boolean;
  maxAge: number;
}

export function cookieOptions(publicBaseUrl: string, maxAgeSeconds: number): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: isSecureBase(publicBaseUrl), maxAge: maxAgeSeconds };
}

/** 128 random bits, base64url: a session id or a sign-in nonce. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** The form token of a session (`purpose` 'session') or of a sign-in nonce ('sign-in'). */
export function csrfToken(secret: string, purpose: 'session' | 'sign-in', id: string): string {
  return createHmac('sha256', secret).update(`od-console-csrf\n${purpose}\n${id}`).digest('base64url');
}

/** Constant-time check of a submitted token; anything but one string of the right value is false. */
export function csrfMatches(
  secret: string,
  purpose: 'session' | 'sign-in',
  id: string | undefined,
  submitted: unknown,
): boolean {
  if (!id || typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, purpose, id));
  const given = Buffer.from(submitted);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Same-origin check of a form POST: the Origin header must be PUBLIC_BASE_URL's origin; without an Origin,
 * a Referer must be on it. Neither header (some privacy settings strip both) leaves the token as the guard.
 */
export function sameOriginRequest(
  headers: { origin?: string | string[]; referer?: string | string[] },
  publicBaseUrl: string,
): boolean {
  const expected = new URL(publicBaseUrl).origin;
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  if (origin !== undefined) return origin === expected;
  const referer = typeof headers.referer === 'string' ? headers.referer : undefined;
  if (referer === undefined) return true;
  try {
    return new URL(referer).origin === expected;
  } catch {
    return false;
  }
}

/**
 * Where to go after signing in: only a path of this site's console (`/console…`), never `//host`, a
 * backslash trick or a scheme; anything else is the board.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/console';
  if (!/^\/console(?:[/?#]|$)/.test(value)) return '/console';
  if (/[\\\s]|\/\//.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20)) return '/console';
  return value;
}
