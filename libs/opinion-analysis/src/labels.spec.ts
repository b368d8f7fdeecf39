import { readableLabel, wholeWordPhrases } from './labels';

describe('readable labels', () => {
  it('snaps a phrase that cuts a word to the whole words around it', () => {
    const text = '我们楼的一楼住户不同意加装电梯，担心采光和噪音。';
    expect(wholeWordPhrases(text, ['一楼住户不', '电梯'])).toEqual(['一楼住户', '电梯']);
  });

  it('drops generic words, so two subjects do not share the label 时间', () => {
    const water = readableLabel('小区经常停水，停水时间太长，希望提前通知停水时间。', ['停水时间', '时间']);
    const hours = readableLabel('办事大厅的办公时间太短，周末也应开放办公时间。', ['办公时间', '时间']);
    expect(water).not.toBe(hours);
    expect(water).not.toMatch(/^时间$/);
  });

  it('reads traditional text as simplified and falls back to the start of the text', () => {
    expect(readableLabel('我反對提高停車收費', ['停车收费'])).toBe('停车收费');
    expect(readableLabel('见附件', [])).toBe('见附件');
  });
});
