/** A page number from a page's query string: an integer from 1 to `max`, anything else is page 1 (pages forgive, the API refuses). */
export function pageNumber(value: unknown, max = 100_000): number {
  const n = typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : 1;
}
