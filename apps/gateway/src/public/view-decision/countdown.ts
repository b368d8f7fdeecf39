import { html, type Html } from '../../site-shell/web/html';
import { defineMessages, fill, formatDateTime, type Locale } from '../../site-shell/web/i18n';

const M = defineMessages(
  {
    days: '{d} 天',
    hours: '{h} 小时',
    minutes: '{min} 分钟',
    left: '还剩 {time}',
    closing: '即将截止',
    notice: '征求意见正在进行，{left}，截止时间：',
  },
  {
    days: '{d} day{ds}',
    hours: '{h} hour{hs}',
    minutes: '{min} minute{mins}',
    left: '{time} left',
    closing: 'closing now',
    notice: 'The consultation is open: {left}. It closes on ',
  },
);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, locale: Locale): string => (locale === 'en' && n !== 1 ? 's' : '');

/**
 * The time from `now` until `until` in words, rounded down: days and hours (`还剩 3 天 5 小时`, `3 days
 * 5 hours left`), hours alone under a day, minutes under an hour, and "closing now" once it has passed
 * (the seal comes from the workflow's timer, not from this page).
 */
export function timeLeftInWords(until: string, now: Date, locale: Locale): string {
  const m = M[locale];
  const left = Date.parse(until) - now.getTime();
  if (!(left >= MINUTE)) return m.closing;
  const d = Math.floor(left / DAY);
  const h = Math.floor((left % DAY) / HOUR);
  const parts =
    d > 0
      ? [fill(m.days, { d, ds: plural(d, locale) }), h > 0 ? fill(m.hours, { h, hs: plural(h, locale) }) : '']
      : h > 0
        ? [fill(m.hours, { h, hs: plural(h, locale) })]
        : [fill(m.minutes, { min: Math.floor(left / MINUTE), mins: plural(Math.floor(left / MINUTE), locale) })];
  return fill(m.left, { time: parts.filter(Boolean).join(' ') });
}

/**
 * The countdown of an open consultation, rendered by the server (no script, so nothing moves after
 * load): how long is left in words and the closing time.
 */
export function countdownNotice(closesAt: string, now: Date, locale: Locale): Html {
  const m = M[locale];
  return html`<p class="notice countdown" id="countdown">${fill(m.notice, { left: timeLeftInWords(closesAt, now, locale) })}<time datetime="${closesAt}">${formatDateTime(closesAt)}</time>${locale === 'en' ? '.' : '。'}</p>`;
}
