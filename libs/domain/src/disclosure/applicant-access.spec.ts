import {
  disclosureReceiptFrom,
  lookupSecretFrom,
  lookupSecretHash,
  maskedDocumentNumber,
  normalizeDisclosureReceipt,
  normalizeLookupSecret,
  SECRET_BYTES,
} from './applicant-access';
import { normalizeReceipt, receiptFrom } from '../opinions/receipt';

const randoms = [7, 20, 3, 19, 9, 23, 29, 2, 17, 26, 11, 4];

describe("the applicant's receipt and secret", () => {
  it('gives disclosure receipts their own prefix and tells them apart from opinion receipts', () => {
    const receipt = disclosureReceiptFrom(randoms);
    expect(receipt).toMatch(/^GK-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]$/);
    expect(normalizeDisclosureReceipt(receipt.toLowerCase().replace(/-/g, ' '))).toBe(receipt);
    expect(normalizeDisclosureReceipt(receipt.slice(3))).toBe(receipt);
    expect(normalizeDisclosureReceipt(receiptFrom(randoms))).toBeUndefined();
    expect(normalizeReceipt(receipt)).toBeUndefined();
  });

  it('makes a 140-bit secret of seven groups of four symbols, and needs enough random bytes', () => {
    const secret = lookupSecretFrom(new Uint8Array(SECRET_BYTES).fill(0xff));
    expect(secret).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(lookupSecretFrom(new Uint8Array(SECRET_BYTES))).toBe('0000-0000-0000-0000-0000-0000-0000');
    expect(lookupSecretFrom(Uint8Array.from([0x08, 0x86, 0x40, ...new Array<number>(15).fill(0)]))).toMatch(/^1234-0/);
    expect(() => lookupSecretFrom(new Uint8Array(SECRET_BYTES - 1))).toThrow(RangeError);
  });

  it('accepts a secret typed carelessly and refuses anything that cannot be one', () => {
    const secret = lookupSecretFrom(Uint8Array.from({ length: SECRET_BYTES }, (_, i) => i * 37));
    const typed = secret.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeLookupSecret(typed)).toBe(secret);
    expect(normalizeLookupSecret(secret.slice(0, -1))).toBeUndefined();
    expect(normalizeLookupSecret(`${secret.slice(0, -1)}U`)).toBeUndefined();
    expect(lookupSecretHash(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(lookupSecretHash(secret)).not.toBe(lookupSecretHash(normalizeLookupSecret(secret.replace(/^./, 'Z'))!));
  });

  it('shows only the last four characters of an identity number', () => {
    expect(maskedDocumentNumber('123X')).toBe('****123X');
  });
});
