import { InvalidCommandError } from '../errors/errors';

/**
 * The information-processing fee of 国办函〔2020〕109号 (arts. 3–5), in whole yuan. Pure arithmetic on the
 * confirmed bands; whether a fee is charged at all is the agency's decision, recorded elsewhere.
 *
 * Trap: one basis per request (art.3: "不得同时按照两种标准重复计算"); a request charged per request is never
 * also charged per page. The per-request band depends on the request's rank among the same applicant's
 * requests in the same calendar month, so the caller counts them from the record, not the applicant.
 */
export type FeeBasis = { basis: 'per_request'; rankInMonth: number } | { basis: 'per_page'; pages: number };

/** Requests free per applicant and calendar month (art.4). */
export const FREE_REQUESTS_PER_MONTH = 10;
/** Pages free per request (art.5). */
export const FREE_PAGES = 30;

/** The fee of the `rank`-th request of one applicant in one month: 0 to the 10th, ¥100 to the 30th, +¥100 per band of 10. */
export function requestFee(rank: number): number {
  assertCount(rank, 'rankInMonth', 1);
  if (rank <= FREE_REQUESTS_PER_MONTH) return 0;
  if (rank <= 30) return 100;
  return 100 + 100 * Math.ceil((rank - 30) / 10);
}

/** The sum of the fees of an applicant's first `count` requests of a month. */
export function monthlyRequestFees(count: number): number {
  assertCount(count, 'count', 0);
  let total = 0;
  for (let rank = 1; rank <= count; rank += 1) total += requestFee(rank);
  return total;
}

const PAGE_BANDS: ReadonlyArray<{ upTo: number; yuan: number }> = [
  { upTo: FREE_PAGES, yuan: 0 },
  { upTo: 100, yuan: 10 },
  { upTo: 200, yuan: 20 },
  { upTo: Number.POSITIVE_INFINITY, yuan: 40 },
];

/** The per-page fee of one request (超额累进): 30 free, pages 31–100 ¥10, 101–200 ¥20, from 201 ¥40. */
export function pageFee(pages: number): number {
  assertCount(pages, 'pages', 0);
  let total = 0;
  let from = 0;
  for (const band of PAGE_BANDS) {
    total += Math.max(0, Math.min(pages, band.upTo) - from) * band.yuan;
    from = band.upTo;
  }
  return total;
}

/** The fee of one request on its one basis; refuses input that names both bases. */
export function feeFor(input: FeeBasis): number {
  const both = 'rankInMonth' in input && 'pages' in input;
  if (both)
    throw new InvalidCommandError(
      'DISCLOSURE_FEE_ONE_BASIS',
      'A request is charged per request or per page, never both.',
    );
  switch (input.basis) {
    case 'per_request':
      return requestFee(input.rankInMonth);
    case 'per_page':
      return pageFee(input.pages);
  }
}

function assertCount(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new InvalidCommandError('DISCLOSURE_FEE_INVALID', `${field} must be a whole number of at least ${min}.`, {
      field,
    });
}
