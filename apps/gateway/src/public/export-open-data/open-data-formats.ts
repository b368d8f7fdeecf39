// Open-data serialisations, without Nest (ESM-only) so that jest's CommonJS run can test them.

/** Chunks of about this many characters go to the socket: fewer writes than one per row. */
const CHUNK_CHARS = 64 * 1024;

/** Joins small strings into chunks of about CHUNK_CHARS. */
export async function* batched(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** A JSON array, one element per line, written as the rows come. */
export async function* jsonArray(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** Cells starting with these are formulas to Excel and LibreOffice (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled. A text cell
 * that a spreadsheet would run as a formula gets a leading apostrophe; numbers are left as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file (RFC 4180, CRLF line ends) with a header row, led by a UTF-8 byte order mark so that
 * Excel (zh-CN included) reads it as UTF-8 rather than the locale's code page.
 */
export async function* csv(
  header: readonly string[],
  rows: AsyncIterable<ReadonlyArray<string | number | null>>,
): AsyncGenerator<string> {
  yield `\uFEFF${header.map(csvCell).join(',')}\r\n`;
  for await (const row of rows) yield `${row.map(csvCell).join(',')}\r\n`;
}
