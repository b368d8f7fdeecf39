import { type DomainError } from '../errors/errors';
import { feeFor, monthlyRequestFees, pageFee, requestFee } from './fees';

describe('the information-processing fee (国办函〔2020〕109号)', () => {
  it('charges 35 requests by one person in a month ¥3,000 (20 × ¥100 + 5 × ¥200)', () => {
    expect(monthlyRequestFees(35)).toBe(3000);
  });

  it('charges one request of 250 pages ¥4,700 (70 × ¥10 + 100 × ¥20 + 50 × ¥40)', () => {
    expect(pageFee(250)).toBe(4700);
    expect(feeFor({ basis: 'per_page', pages: 250 })).toBe(4700);
  });

  it('leaves the first ten requests of a month and the first thirty pages free', () => {
    expect([requestFee(1), requestFee(10), requestFee(11)]).toEqual([0, 0, 100]);
    expect([pageFee(0), pageFee(30), pageFee(31), pageFee(100), pageFee(101)]).toEqual([0, 0, 10, 700, 720]);
  });

  it('adds ¥100 per band of ten from the 31st request', () => {
    expect([requestFee(30), requestFee(31), requestFee(40), requestFee(41), requestFee(51)]).toEqual([
      100, 200, 200, 300, 400,
    ]);
  });

  it('refuses a request charged on both bases, and counts that are not whole', () => {
    const both = { basis: 'per_page', pages: 40, rankInMonth: 12 } as never;
    expect(() => feeFor(both)).toThrow(expect.objectContaining({ code: 'DISCLOSURE_FEE_ONE_BASIS' }) as DomainError);
    expect(() => pageFee(-1)).toThrow(expect.objectContaining({ code: 'DISCLOSURE_FEE_INVALID' }) as DomainError);
    expect(() => requestFee(0)).toThrow(expect.objectContaining({ code: 'DISCLOSURE_FEE_INVALID' }) as DomainError);
  });
});
