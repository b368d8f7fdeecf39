import { countdownNotice, timeLeftInWords } from './countdown';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const later = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('the countdown of an open consultation', () => {
  it.each([
    [3 * DAY + 5 * HOUR + 59 * MINUTE, '还剩 3 天 5 小时', '3 days 5 hours left'],
    [1 * DAY + 1 * HOUR, '还剩 1 天 1 小时', '1 day 1 hour left'],
    [2 * DAY + 30 * MINUTE, '还剩 2 天', '2 days left'],
    [5 * HOUR + 10 * MINUTE, '还剩 5 小时', '5 hours left'],
    [12 * MINUTE + 30_000, '还剩 12 分钟', '12 minutes left'],
    [30_000, '即将截止', 'closing now'],
    [-HOUR, '即将截止', 'closing now'],
  ])('says %d ms in words, rounded down, in both languages', (ms, zh, en) => {
    expect(timeLeftInWords(later(ms), NOW, 'zh-CN')).toBe(zh);
    expect(timeLeftInWords(later(ms), NOW, 'en')).toBe(en);
  });

  it('shows the words and the closing time in Beijing time, with the page language’s punctuation', () => {
    const closesAt = later(3 * DAY + 5 * HOUR);
    expect(countdownNotice(closesAt, NOW, 'zh-CN').value).toBe(
      `<p class="notice countdown" id="countdown">征求意见正在进行，还剩 3 天 5 小时，截止时间：<time datetime="${closesAt}">2026-12-04 13:00</time>。</p>`,
    );
    expect(countdownNotice(closesAt, NOW, 'en').value).toContain(
      'The consultation is open: 3 days 5 hours left. It closes on <time',
    );
  });
});
