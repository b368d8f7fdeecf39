import { toSimplified } from './simplified';

describe('traditional to simplified', () => {
  it('maps traditional, Taiwan and Hong Kong characters to simplified ones', () => {
    expect(toSimplified('我強烈反對將城區停車收費標準提高一倍，這會給上班族帶來沉重負擔。')).toBe(
      '我强烈反对将城区停车收费标准提高一倍，这会给上班族带来沉重负担。',
    );
    expect(toSimplified('裏面衛生')).toBe('里面卫生');
  });

  it('leaves simplified text and other scripts alone', () => {
    const text = '建议保留12路公交车 — I support the bike lane.';
    expect(toSimplified(text)).toBe(text);
  });
});
