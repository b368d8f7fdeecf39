import { normalizeReceipt, RECEIPT_ALPHABET, receiptFrom } from './receipt';

const sample = receiptFrom([7, 20, 3, 19, 9, 23, 29, 2, 17, 26, 11, 4]);

describe('receipts', () => {
  it('look like OD-XXXX-XXXX-XXXX-C with symbols that cannot be confused', () => {
    expect(sample).toMatch(/^OD-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]$/);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOUZ]/);
  });

  it('accept what a person types: lower case, spaces, no dashes, O for 0, I or L for 1', () => {
    const typed = sample.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeReceipt(typed)).toBe(sample);
  });

  it('detect every single wrong symbol', () => {
    const symbols = sample.replace(/^OD-/, '').replace(/-/g, '');
    for (let i = 0; i < symbols.length; i += 1) {
      for (const replacement of RECEIPT_ALPHABET) {
        if (replacement === symbols[i]) continue;
        expect(normalizeReceipt(symbols.slice(0, i) + replacement + symbols.slice(i + 1))).toBeUndefined();
      }
    }
  });

  it('detect every swap of two neighbouring symbols', () => {
    const symbols = sample.replace(/^OD-/, '').replace(/-/g, '').slice(0, 12);
    const check = sample.at(-1)!;
    for (let i = 0; i < 11; i += 1) {
      if (symbols[i] === symbols[i + 1]) continue;
      const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
      expect(normalizeReceipt(swapped + check)).toBeUndefined();
    }
  });

  it('refuse the wrong length and unknown symbols', () => {
    expect(normalizeReceipt('OD-1234')).toBeUndefined();
    expect(normalizeReceipt(sample.replace(/.$/, 'Z'))).toBeUndefined();
  });
});
