import { compatibleStances, mergedStances, stanceOf, stanceSignature } from './stance';

describe('stance signatures', () => {
  it.each([
    ['我坚决反对提高停车收费', 'oppose'],
    ['我支持加装电梯', 'support'],
    ['不同意把菜市场改成停车场', 'oppose'],
    ['我并不反对这个方案', 'support'],
    ['建议保留12路公交车', 'support'],
    ['建议尽快取消夜间施工许可', 'oppose'],
    ['大家有不同意见，值得讨论', 'none'],
    ['i do not support the bike lane', 'oppose'],
    ["we don't oppose the plan", 'support'],
    ['i support the lane but oppose the fee', 'mixed'],
  ])('reads %s as %s', (text, stance) => {
    expect(stanceOf(stanceSignature(text))).toBe(stance);
  });

  it('never finds a letter compatible with its flipped copy', () => {
    const pairs: Array<[string, string]> = [
      ['我反对提高收费标准', '我支持提高收费标准'],
      ['赞成延长开放时间', '不赞成延长开放时间'],
      ['建议保留原来的划分', '建议取消原来的划分'],
      ['建议提高补贴比例', '建议降低补贴比例'],
      ['我支持甲方案，反对乙方案', '我反对甲方案，支持乙方案'],
      ['the index added 2 percent', 'the index dipped 2 percent'],
    ];
    for (const [a, b] of pairs) expect(compatibleStances(stanceSignature(a), stanceSignature(b))).toBe(false);
  });

  it('keeps a truncated copy compatible with its letter, and merges to the longer sequence', () => {
    const letter = stanceSignature('我反对提高收费，也要延长收费时间');
    const truncated = stanceSignature('我反对提高收费');
    expect(compatibleStances(letter, truncated)).toBe(true);
    expect(mergedStances(truncated, letter)).toBe(letter);
    expect(compatibleStances(stanceSignature('关于收费的事'), stanceSignature('我反对收费的事'))).toBe(false);
  });
});
