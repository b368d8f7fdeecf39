import { excerpt, highlight } from './highlight';

describe('search highlighting', () => {
  it('marks every occurrence of each term and escapes the rest', () => {
    expect(highlight('<b>停车</b>收费与停车位', ['停车']).value).toBe(
      '&lt;b&gt;<mark>停车</mark>&lt;/b&gt;收费与<mark>停车</mark>位',
    );
  });

  it('matches Latin letters in any case and keeps the text as written', () => {
    expect(highlight('Parking fees and PARKING spaces', ['parking']).value).toBe(
      '<mark>Parking</mark> fees and <mark>PARKING</mark> spaces',
    );
  });

  it('treats a term as text, never as a pattern, and escapes a term that looks like markup', () => {
    expect(highlight('a.b axb <i>', ['a.b', '<i>']).value).toBe('<mark>a.b</mark> axb <mark>&lt;i&gt;</mark>');
  });

  it('prefers the longer of two overlapping terms', () => {
    expect(highlight('公共停车场', ['停车', '公共停车场']).value).toBe('<mark>公共停车场</mark>');
  });

  it('returns the escaped text when there is no term', () => {
    expect(highlight('a & b', []).value).toBe('a &amp; b');
  });

  it('cuts an excerpt around the first term found, with ellipses where it cut', () => {
    const text = `${'甲'.repeat(50)}夜间停车${'乙'.repeat(50)}`;
    expect(excerpt(['无关', text], ['夜间'], 5)).toBe('…甲甲甲甲甲夜间停车乙乙乙…');
    expect(excerpt(['短文本里的夜间'], ['夜间'], 40)).toBe('短文本里的夜间');
    expect(excerpt(['无关'], ['夜间'])).toBeUndefined();
  });
});
