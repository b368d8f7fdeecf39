/**
 * Receipts (回执编号): `OD-XXXX-XXXX-XXXX-C`. Twelve random symbols (~59 bits: unguessable) from a
 * 31-symbol alphabet without look-alikes (no I, L, O, U, Z), and a check symbol: the weighted sum
 * Σ (i+1)·vᵢ mod 31. With 31 prime and weights 1…12, every single wrong symbol and every swap of two
 * neighbours changes the check, so a mistyped receipt is told apart from an unknown one.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const BASE = RECEIPT_ALPHABET.length; // 31, prime
export const RECEIPT_SYMBOLS = 12;

function checkSymbol(values: readonly number[]): string {
  const sum = values.reduce((acc, value, i) => acc + (i + 1) * value, 0);
  return RECEIPT_ALPHABET[sum % BASE]!;
}

/**
 * Builds a receipt from 12 random integers (any size; reduced mod 31). Randomness is the caller's.
 * `prefix` tells receipt kinds apart (`OD` opinions, `GK` disclosure requests); the check ignores it.
 */
export function receiptFrom(randoms: readonly number[], prefix = 'OD'): string {
  if (randoms.length !== RECEIPT_SYMBOLS) throw new RangeError(`a receipt needs ${RECEIPT_SYMBOLS} random values`);
  const values = randoms.map((r) => Math.abs(Math.trunc(r)) % BASE);
  const symbols = values.map((v) => RECEIPT_ALPHABET[v]).join('');
  return `${prefix}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}-${checkSymbol(values)}`;
}

/**
 * The canonical form of what someone typed (case, spaces, dashes and the look-alikes O→0, I/L→1
 * forgiven), or undefined when it cannot be a receipt (wrong length, unknown symbol, wrong check).
 */
export function normalizeReceipt(input: string, prefix = 'OD'): string | undefined {
  const upper = input.toUpperCase().replace(/[\s-]/g, '');
  const compact = (upper.startsWith(prefix) ? upper.slice(prefix.length) : upper)
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== RECEIPT_SYMBOLS + 1) return undefined;
  const values = [...compact.slice(0, RECEIPT_SYMBOLS)].map((c) => RECEIPT_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return undefined;
  if (checkSymbol(values) !== compact[RECEIPT_SYMBOLS]) return undefined;
  return receiptFrom(values, prefix);
}
