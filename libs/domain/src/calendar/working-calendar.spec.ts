import { validateArrangement, type CalendarArrangement } from './calendar-arrangement';
import { provisionalYear } from './provisional-year';
import { countWorkingDays, FROZEN_CALENDAR, type WorkingCalendar } from './working-calendar';
import { shanghaiDate } from './calendar';

const year2026 = FROZEN_CALENDAR.years.find((y) => y.year === 2026)!;
const provisional: WorkingCalendar = { version: 0, years: [year2026, provisionalYear(2027)] };
/** A fictitious notice: New Year 1–3 January (Fri–Sun) and Saturday 9 January worked instead of Monday 4 January off. */
const officialArrangement: CalendarArrangement = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-01-04',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
  ],
  workdays: ['2027-01-09'],
  sourceReference: '国办发明电〔2099〕1号（测试）',
  sourceDate: '2026-12-10',
};
const sealedAt = new Date('2026-12-04T02:00:00.000Z');

describe('working days on a calendar passed as data (ADR 23)', () => {
  it('skips New Year 2027 on the provisional year and says the due date is provisional', () => {
    const { at, count } = countWorkingDays(sealedAt, 20, provisional);
    expect(count.holidaysSkipped).toContain('2027-01-01');
    expect(count.provisional).toBe(true);
    expect(shanghaiDate(at)).toBe('2027-01-04');
    expect(count).toMatchObject({ from: sealedAt.toISOString(), workingDays: 20, makeUpDaysCounted: [] });
    expect(count.weekendsSkipped).toHaveLength(10);
    // What the package-era calendar said: New Year's Day counted as a working day.
    expect(shanghaiDate(countWorkingDays(sealedAt, 20, FROZEN_CALENDAR).at)).toBe('2027-01-01');
  });

  it('counts an official 2027 with its holiday block and its make-up Saturday', () => {
    const official: WorkingCalendar = { version: 1, years: [year2026, validateArrangement(officialArrangement)] };
    const { at, count } = countWorkingDays(sealedAt, 20, official);
    expect(count.provisional).toBe(false);
    expect(count.holidaysSkipped).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04']);
    expect(shanghaiDate(at)).toBe('2027-01-05');
    const later = countWorkingDays(new Date('2027-01-07T02:00:00.000Z'), 2, official);
    expect(later.count.makeUpDaysCounted).toEqual(['2027-01-09']);
    expect(shanghaiDate(later.at)).toBe('2027-01-09');
    expect(count.sources).toEqual([year2026.source, '国办发明电〔2099〕1号（测试） (2026-12-10)']);
  });

  it('computes the provisional Spring Festival 2027 from the lunar calendar, and the other statutory days', () => {
    const year = provisionalYear(2027);
    expect(year.holidays).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']));
    expect(year.holidays).not.toContain('2027-02-04');
    expect(year.holidays).not.toContain('2027-02-09');
    expect(year.holidays).toEqual(
      expect.arrayContaining([
        '2027-01-01',
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-03',
      ]),
    );
    expect(year.holidays).toHaveLength(13);
    expect(year).toMatchObject({ status: 'provisional', workdays: [] });
  });

  it.each([
    ['CALENDAR_YEAR_INVALID', { year: 1999 }],
    ['CALENDAR_DATE_INVALID', { holidays: ['2027-02-30'] }],
    ['CALENDAR_DATE_INVALID', { workdays: 'soon' as unknown as string[] }],
    ['CALENDAR_DATE_OUTSIDE_YEAR', { holidays: ['2026-12-31'] }],
    ['CALENDAR_DAY_CONFLICT', { workdays: ['2027-01-02'] }],
    ['CALENDAR_MAKEUP_NOT_WEEKEND', { workdays: ['2027-01-11'] }],
    ['CALENDAR_HOLIDAYS_REQUIRED', { holidays: [] }],
    ['CALENDAR_SOURCE_REQUIRED', { sourceReference: '  ' }],
    ['CALENDAR_SOURCE_REQUIRED', { sourceDate: '10 Dec' }],
  ])('refuses a malformed arrangement with %s', (code, change) => {
    expect(() => validateArrangement({ ...officialArrangement, ...change })).toThrow(expect.objectContaining({ code }));
  });
});
