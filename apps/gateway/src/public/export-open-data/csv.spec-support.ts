/**
 * A strict RFC 4180 parser for tests: CRLF records, quoted fields with doubled quotes. Throws on what the
 * RFC forbids (a bare quote inside an unquoted field, text after a closing quote, an unclosed quote) so
 * that a test fails on a malformed export instead of reading it leniently.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endOfField = (): boolean => {
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      return true;
    }
    if (text[i] === ',') {
      i += 1;
      return false;
    }
    throw new Error(`CSV: unexpected ${JSON.stringify(text.slice(i, i + 10))} at ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('CSV: unclosed quote');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i += 1;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field)) throw new Error(`CSV: bare quote or line break in an unquoted field at ${i}`);
      i += field.length;
    }
    record.push(field);
    if (i >= text.length) throw new Error('CSV: the last record has no CRLF');
    endOfField();
  }
  return records;
}
