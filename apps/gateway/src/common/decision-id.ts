import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 16 characters of Crockford base32 (80 random bits): short enough for a URL, never guessed. */
export function newDecisionId(): string {
  return Array.from(randomBytes(16), (byte) => ALPHABET[byte % 32]).join('');
}
