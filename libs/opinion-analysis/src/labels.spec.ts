import { readableLabel, wholeWordPhrases } from './labels';

describe('readable labels', () => {
  it('cuts a phrase that ends inside a word back to whole words', () => {
    expect(wholeWordPhrases(['一楼住户不', '电梯', '住户'])).toEqual(['一楼住户', '电梯']);
  });

  it('drops generic words, so two subjects do not share the label 时间', () => {
    const water = readableLabel(['停水时间', '时间'], '');
    const hours = readableLabel(['办公时间', '时间'], '');
    expect([water, hours]).toEqual(['停水', '办公']);
  });

  it('falls back to the start of the text when no phrase has a content word', () => {
    expect(readableLabel(['时间', '满意'], '见附件')).toBe('见附件');
    expect(readableLabel(['停车收费'], '')).toBe('停车收费');
  });
});
