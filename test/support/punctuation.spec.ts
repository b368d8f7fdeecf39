import { punctuationFaults } from './punctuation';

describe('the punctuation check of the public pages', () => {
  it('finds an ASCII colon after a Chinese label on a Chinese page, and nothing else', () => {
    expect(punctuationFaults('承办单位: 区住建局', 'zh-CN')).toEqual(['承办单位: 区住建局']);
    expect(punctuationFaults('里程碑（一）:完成', 'zh-CN')).toHaveLength(1);
    expect(punctuationFaults('承办单位：区住建局 状态：征求意见中', 'zh-CN')).toEqual([]);
    expect(punctuationFaults('时间 2026-12-02 13:05，见 https://beian.miit.gov.cn/', 'zh-CN')).toEqual([]);
    expect(punctuationFaults('链接https://example.gov.cn', 'zh-CN')).toEqual([]);
  });

  it('finds a full-width colon after English text on an English page, and passes ASCII ones', () => {
    expect(punctuationFaults('Unit：Housing', 'en')).toEqual(['Unit：Housing']);
    expect(punctuationFaults('Overdue ：2026-12-02', 'en')).toHaveLength(1);
    expect(punctuationFaults('Unit: Housing bureau. Status: open at 13:05.', 'en')).toEqual([]);
    expect(punctuationFaults('Title: 关于调整停车收费的决定：征求意见稿', 'en')).toEqual([]);
  });
});
