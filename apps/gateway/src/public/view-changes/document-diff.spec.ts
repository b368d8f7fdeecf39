import { diffDocuments, splitBlocks } from './document-diff';

const V1 = ['第一条 为规范停车收费，制定本办法。', '第二条 白天每小时收费5元。', '第三条 夜间每小时收费2元。'].join(
  '\n',
);
const V2 = [
  '第一条 为规范公共停车收费，制定本办法。',
  '第三条 夜间每小时收费2元。',
  '第四条 新能源汽车首小时免费。',
].join('\n');

describe('comparing two texts by article, then by character', () => {
  it('keeps the lines after an article heading with that article, and other lines as paragraphs', () => {
    expect(splitBlocks('总则\n\n第一条 目的。\n  本款。\r\n第二条 范围。\n')).toEqual([
      '总则',
      '第一条 目的。\n本款。',
      '第二条 范围。',
    ]);
  });

  it('shows an inserted and a deleted article whole, and a changed one character by character', () => {
    const diff = diffDocuments(V1, V2);
    expect(diff.counts).toEqual({ inserted: 1, deleted: 1, changed: 1 });
    expect(diff.blocks).toEqual([
      {
        op: 'change',
        spans: [
          { op: 'equal', text: '第一条 为规范' },
          { op: 'insert', text: '公共' },
          { op: 'equal', text: '停车收费，制定本办法。' },
        ],
      },
      { op: 'delete', text: '第二条 白天每小时收费5元。' },
      { op: 'equal', text: '第三条 夜间每小时收费2元。' },
      { op: 'insert', text: '第四条 新能源汽车首小时免费。' },
    ]);
  });

  it('compares English text word by word', () => {
    const diff = diffDocuments('Parking costs 5 yuan an hour.', 'Parking costs 4 yuan an hour.');
    expect(diff.blocks).toEqual([
      {
        op: 'change',
        spans: [
          { op: 'equal', text: 'Parking costs ' },
          { op: 'delete', text: '5' },
          { op: 'insert', text: '4' },
          { op: 'equal', text: ' yuan an hour.' },
        ],
      },
    ]);
  });

  it('finds nothing to mark in the same text, whatever its line endings and blank lines', () => {
    expect(diffDocuments(V1, `${V1.replace(/\n/g, '\r\n\r\n')}\n`).counts).toEqual({
      inserted: 0,
      deleted: 0,
      changed: 0,
    });
  });

  it('shows a rewritten paragraph as deleted and inserted rather than as a scatter of characters', () => {
    const diff = diffDocuments('甲乙丙丁戊己庚辛', '子丑寅卯辰巳午未');
    expect(diff.blocks.map((b) => b.op)).toEqual(['delete', 'insert']);
  });

  it('stays bounded on a long text that changed everywhere', () => {
    const line = (i: number, salt: string): string => `第${i}条 ${salt.repeat(100)}${i}`;
    const before = Array.from({ length: 1_000 }, (_, i) => line(i + 1, '甲乙')).join('\n');
    const after = Array.from({ length: 1_000 }, (_, i) => line(i + 1, '乙甲')).join('\n');
    const started = Date.now();
    const diff = diffDocuments(before, after);
    expect(diff.counts.deleted + diff.counts.changed).toBe(1_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
