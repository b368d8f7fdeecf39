import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { STATUTORY_SOURCE, type CalendarYear } from './working-calendar';

/*
 * Not exported from the domain index: only the persistence layer computes provisional years (for the
 * calendar it hands to workflows as an activity result). Workflow code never calls a package's calendar.
 */

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const lunar = (year: number, month: number, day: number) =>
  getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;

/**
 * A year nobody has entered the State Council's arrangement for yet: the statutory holidays of
 * 《全国年节及纪念日放假办法》 (2024 revision) on their own dates, without make-up working days —
 * New Year's Day (1 day); Spring Festival (4 days: lunar New Year's Eve and lunar 1-1 to 1-3); Qingming
 * (the solar term 清明, 1 day); Labour Day (May 1–2); Dragon Boat (lunar 5-5); Mid-Autumn (lunar 8-15);
 * National Day (Oct 1–3). Holidays that fall on a weekend are not moved: that is what the official
 * arrangement decides.
 */
export function provisionalYear(year: number): CalendarYear {
  const springFestival = lunar(year, 1, 1);
  const holidays = [
    `${year}-01-01`,
    shift(springFestival, -1),
    springFestival,
    shift(springFestival, 1),
    shift(springFestival, 2),
    getSolarTermDate(year, 4, 'pure_brightness'),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar(year, 5, 5),
    lunar(year, 8, 15),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  return {
    year,
    status: 'provisional',
    holidays: [...new Set(holidays)].sort(),
    workdays: [],
    source: STATUTORY_SOURCE,
  };
}
