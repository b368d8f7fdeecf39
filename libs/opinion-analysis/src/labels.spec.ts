import { readableLabel, wholeWordPhrases } from './labels';

describe('readable labels', () => {
  it('drops a function character at the end of a phrase, and a phrase inside another', () => {
    expect(wholeWordPhrases(['一楼住户不', '电梯', '住户', '图书馆', '议取消', '议'])).toEqual([
      '一楼住户',
      '电梯',
      '图书馆',
      '取消',
    ]);
  });

  it('drops generic words, so two subjects do not share the label 时间', () => {
    const water = readableLabel(['停水时间', '时间'], '');
    const hours = readableLabel(['办公时间', '时间'], '');
    expect([water, hours]).toEqual(['停水时间', '办公时间']);
    expect(wholeWordPhrases(['满意', '效果', '想象'])).toEqual([]);
  });

  it('falls back to the start of the text when no phrase has a content word', () => {
    expect(readableLabel(['时间', '满意'], '见附件')).toBe('见附件');
    expect(readableLabel(['停车收费'], '')).toBe('停车收费');
  });
});
