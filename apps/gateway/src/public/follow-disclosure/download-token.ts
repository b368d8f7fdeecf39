import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download form on the lookup page stays valid: the page is private and never cached. */
export const DOWNLOAD_TOKEN_MS = 15 * 60_000;

const mac = (pepper: string, requestId: string, expires: string): string =>
  createHmac('sha256', pepper).update(`disclosure-reply-download\n${requestId}\n${expires}`).digest('hex');

/**
 * A download form's token for the lookup page (ADR 123): the request id, an expiry and their HMAC under the
 * pepper, so the page's forms carry neither the secret nor anything a guess could forge.
 */
export function signDownloadToken(pepper: string, requestId: string, now: number): string {
  const expires = String(now + DOWNLOAD_TOKEN_MS);
  return `${requestId}.${expires}.${mac(pepper, requestId, expires)}`;
}

/** The request id a token names while it is valid and its HMAC checks (in constant time), else undefined. */
export function verifyDownloadToken(pepper: string, token: string, now: number): string | undefined {
  const [requestId = '', expires = '', given = ''] = token.slice(0, 200).split('.');
  const expected = Buffer.from(mac(pepper, requestId, expires), 'hex');
  const actual = Buffer.from(given, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected) || !(Number(expires) > now))
    return undefined;
  return requestId;
}
