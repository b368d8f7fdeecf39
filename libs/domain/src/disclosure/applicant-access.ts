import { pureSha256Hex } from '../log/sha256';
import { normalizeReceipt, receiptFrom } from '../opinions/receipt';

/**
 * How an applicant follows a request without an account (issue 18, ADR 0098): a receipt to name the case
 * and a secret to prove it is theirs. The receipt may be written on a letter or read out on the phone;
 * the secret is shown once, never put in a URL, and stored only as its hash.
 */
export const DISCLOSURE_RECEIPT_PREFIX = 'GK';

/** A disclosure receipt (`GK-XXXX-XXXX-XXXX-C`) from 12 random integers, checked like an opinion's. */
export function disclosureReceiptFrom(randoms: readonly number[]): string {
  return receiptFrom(randoms, DISCLOSURE_RECEIPT_PREFIX);
}

/** What someone typed as a disclosure receipt, canonical, or undefined (an opinion receipt is not one). */
export function normalizeDisclosureReceipt(input: string): string | undefined {
  return normalizeReceipt(input, DISCLOSURE_RECEIPT_PREFIX);
}

/** Crockford's base 32: no I, L, O or U, so what is read aloud or copied by hand stays the same. */
export const SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 28 symbols of 5 bits: 140 random bits, written as seven groups of four. */
export const SECRET_SYMBOLS = 28;
/** The random bytes a secret needs (5 bits per symbol, rounded up). */
export const SECRET_BYTES = Math.ceil((SECRET_SYMBOLS * 5) / 8);

/** A lookup secret from random bytes (the caller's randomness, at least `SECRET_BYTES`). */
export function lookupSecretFrom(bytes: Uint8Array): string {
  if (bytes.length < SECRET_BYTES) throw new RangeError(`a secret needs ${SECRET_BYTES} random bytes`);
  let symbols = '';
  for (let i = 0; i < SECRET_SYMBOLS; i += 1) {
    const bit = i * 5;
    const pair = (bytes[bit >> 3]! << 8) | (bytes[(bit >> 3) + 1] ?? 0);
    symbols += SECRET_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return symbols.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of a typed secret (case, spaces and dashes forgiven, O→0 and I/L→1), or undefined
 * when it cannot be one. Undefined answers like a wrong secret: the lookup tells nothing more.
 */
export function normalizeLookupSecret(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== SECRET_SYMBOLS || [...compact].some((c) => !SECRET_ALPHABET.includes(c))) return undefined;
  return compact.match(/.{4}/g)!.join('-');
}

/**
 * The stored form of a secret: SHA-256 of its canonical form. No pepper is needed: 140 random bits
 * cannot be enumerated, unlike an identity number (ADR 0068).
 */
export function lookupSecretHash(canonicalSecret: string): string {
  return pureSha256Hex(`disclosure-lookup-secret:${canonicalSecret}`);
}

/** An identity number as the applicant sees it on the lookup: only the last four characters. */
export function maskedDocumentNumber(lastFour: string): string {
  return `****${lastFour}`;
}
