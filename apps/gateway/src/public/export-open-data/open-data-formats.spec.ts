import { parseCsv } from './csv.spec-support';
import { csv, csvCell, jsonArray } from './open-data-formats';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function collect(parts: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of parts) text += part;
  return text;
}

describe('open-data formats', () => {
  it('quotes cells with quotes, commas and line breaks, and only those', () => {
    expect(csvCell('建议，提高')).toBe('建议，提高');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\r\n二')).toBe('"一\r\n二"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('defuses cells a spreadsheet would run as a formula, keeping their text', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('\rSUM(A1)')).toBe(`"'\rSUM(A1)"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes a BOM, a header and CRLF records that an RFC 4180 parser reads back exactly', async () => {
    const rows = [
      ['d1', 1, '第一条, "引号"\n换行', null],
      ['d2', 0, '=1+1', '@x'],
    ];
    const text = await collect(csv(['id', 'round', 'text', 'note'], from(rows)));
    expect(text.startsWith('\uFEFFid,round,text,note\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['id', 'round', 'text', 'note'],
      ['d1', '1', '第一条, "引号"\n换行', ''],
      ['d2', '0', "'=1+1", "'@x"],
    ]);
  });

  it('streams a JSON array that parses, empty or not', async () => {
    expect(JSON.parse(await collect(jsonArray(from([]))))).toEqual([]);
    const rows = [{ a: 1 }, { b: '二\n' }];
    expect(JSON.parse(await collect(jsonArray(from(rows))))).toEqual(rows);
  });
});
