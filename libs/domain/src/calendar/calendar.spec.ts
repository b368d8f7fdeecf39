import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from './calendar';

describe('the working-day calendar (Asia/Shanghai, official PRC holidays with 调休)', () => {
  it('takes the calendar date in Shanghai, not in UTC', () => {
    expect(shanghaiDate(new Date('2026-09-30T17:00:00.000Z'))).toBe('2026-10-01');
    expect(endOfShanghaiDay('2026-10-08').toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('skips the National Day holiday and counts the make-up Saturday as a working day', () => {
    // 2026-10-01..07 are holidays; Saturday 2026-10-10 is a make-up working day.
    expect(shanghaiDate(addWorkingDays(new Date('2026-09-30T02:00:00.000Z'), 1))).toBe('2026-10-08');
    expect(shanghaiDate(addWorkingDays(new Date('2026-09-30T02:00:00.000Z'), 3))).toBe('2026-10-10');
  });

  it('gives a legality reviewer 7 working days over an ordinary weekend', () => {
    // Monday 2026-11-02 + 7 working days = Wednesday 2026-11-11.
    expect(shanghaiDate(addWorkingDays(new Date('2026-11-02T01:00:00.000Z'), 7))).toBe('2026-11-11');
  });
});
