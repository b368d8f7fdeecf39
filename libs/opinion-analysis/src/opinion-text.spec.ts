import { quickNormalized, scanText, textOf } from './opinion-text';

/**
 * The quick path of the scan (ADR 115) must give exactly what `normalize('NFKC').toLowerCase()` gives:
 * checked for every BMP code unit it accepts, after and before neighbours that compose, decompose,
 * change case or are marks (a text with a mark or Hangul takes the slow path, but its neighbours here
 * may be accepted ones).
 */
describe('the scan’s quick NFKC + lower case', () => {
  const slow = (text: string): string => text.normalize('NFKC').toLowerCase();
  const neighbours = [
    '',
    'a',
    'A',
    'e',
    'Σ',
    'Α',
    '中',
    '，',
    'Ａ',
    'ｶ',
    '가',
    'ᄀ',
    'ᅡ',
    'ㄱ',
    '\u0301',
    '\u0308',
    '\u3099',
    'é',
    '.',
    ' ',
    '①',
  ];

  it('agrees with normalize + toLowerCase for every BMP code unit it accepts, after and before any neighbour', () => {
    let accepted = 0;
    const mismatches: string[] = [];
    for (let c = 0; c < 0x10000; c += 1) {
      const unit = String.fromCharCode(c);
      if (quickNormalized(unit) === null) continue;
      accepted += 1;
      for (const neighbour of neighbours)
        for (const text of [neighbour + unit, unit + neighbour]) {
          const quick = quickNormalized(text);
          if (quick !== null && quick !== slow(text)) mismatches.push(text);
        }
      if (mismatches.length > 20) break;
    }
    expect(mismatches).toEqual([]);
    // Han, ASCII and full-width punctuation at least; the rest of the BMP as it comes.
    expect(accepted).toBeGreaterThan(30_000);
  });

  it('accepts the common text of opinions and scans it as the slow path would', () => {
    const texts = [
      '我强烈反对将城区停车收费标准提高一倍！（联系人第123号）',
      'Please SEE the attached file. Σ ΑΣ',
      '這是繁體字，ＡＢＣ１２３',
      '한국어 텍스트',
      'café e\u0301',
    ];
    expect(texts.map((t) => quickNormalized(t) !== null)).toEqual([true, false, true, false, false]);
    for (const text of texts)
      expect(textOf(scanText(text, true))).toBe([...slow(text)].map((ch) => textOf(scanText(ch, false))).join(''));
  });
});
