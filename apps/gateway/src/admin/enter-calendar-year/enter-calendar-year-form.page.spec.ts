import '../../site-shell/console/rule-texts';
import type { PageContext } from '../../site-shell/web/page-context';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { renderCalendarForm } from './enter-calendar-year-form.page';

const admin: ConsoleSession = {
  actor: { accountId: 'a', username: 'admin', unit: 'unit-a', role: 'admin' },
  csrf: 'csrf-token',
};
const year = (y: number, status: 'official' | 'provisional') => ({
  year: y,
  status,
  holidays: [`${y}-01-01`],
  workdays: [],
  source: `source ${y}`,
  version: 0,
  updatedAt: null,
});

describe('the administrators’ calendar page', () => {
  it('carries the CSRF token and one idempotency key per form, and keeps the key when a refusal re-renders it', () => {
    const page = renderCalendarForm({ locale: 'zh-CN', path: '/console/calendar', query: {} } as PageContext, admin, {
      years: [year(2026, 'official'), year(2027, 'provisional')],
      values: {},
    }).main.value;
    expect(page).toContain('value="csrf-token"');
    expect(page).toMatch(/name="idempotencyKey" value="[0-9a-f-]{36}"/);
    expect(page).toContain('2027 年（预计）');
    const refusal = { code: 'CALENDAR_MAKEUP_NOT_WEEKEND', status: 422, detail: '2027-01-11 is a weekday' };
    const again = renderCalendarForm({ locale: 'en', path: '/console/calendar', query: {} } as PageContext, admin, {
      years: [],
      values: { idempotencyKey: 'k-1', holidays: '2027-01-01\n<b>' },
      refusal,
    }).main.value;
    expect(again).toContain('name="idempotencyKey" value="k-1"');
    expect(again).toContain('A make-up working day falls on a Saturday or Sunday.');
    expect(again).toContain('&lt;b&gt;');
  });
});
