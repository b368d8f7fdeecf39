import type { DecisionRecord } from '../../../../../libs/domain/src';
import type { PageContext } from '../../site-shell/web/page-context';
import type { ConsoleSession } from '../../site-shell/console/session/console-session.guard';
import { renderBoard, type BoardView } from './view-board.page';

const record = (over: Partial<DecisionRecord>): DecisionRecord => ({
  id: 'd1',
  title: '决定',
  summary: '',
  unit: 'unit-a',
  category: 'c',
  confidential: false,
  publicVisible: true,
  riskAssessmentRequired: false,
  stage: 'feedback',
  plannedDates: {},
  registeredAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  lastInternalSeq: 3,
  due: [],
  nextDueAt: null,
  overdue: false,
  progress: null,
  ...over,
});

const manager: ConsoleSession = {
  actor: { accountId: 'a', username: 'manager', unit: 'unit-a', role: 'manager' },
  csrf: 't',
};
const context: PageContext = { locale: 'zh-CN', path: '/console', query: {} };

function view(decisions: DecisionRecord[]): BoardView {
  return {
    filter: { page: 1 },
    counts: [
      { stage: 'feedback', unit: 'unit-a', count: 2, overdue: 1 },
      { stage: 'execution', unit: 'unit-b', count: 3, overdue: 0 },
    ],
    due: decisions,
    reviews: decisions.filter((d) => d.due.some((i) => i.what === 'review')),
    decisions: { items: decisions, page: 1, pageSize: 20, total: decisions.length },
  };
}

describe('the managers’ board page', () => {
  it('highlights overdue items and counts the overdue per stage and unit', () => {
    const overdue = record({
      title: '<img src=x onerror=alert(1)>',
      overdue: true,
      due: [{ what: 'feedback', at: '2026-11-20T00:00:00.000Z', public: true, overdue: true }],
    });
    const page = renderBoard(context, manager, view([overdue])).main.value;
    expect(page).toContain('<tr class="row--overdue">');
    expect(page).toContain('其中逾期 1 项');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img src=x');
    // Totals: unit rows and stage columns of the matrix.
    expect(page).toMatch(/<th scope="row">合计<\/th>.*>5<br>/s);
  });

  it('lists a pending review in the review queue', () => {
    const waiting = record({
      id: 'd2',
      title: '待审查的决定',
      due: [{ what: 'review', at: '2026-12-09T00:00:00.000Z', public: false, overdue: false, ref: 'r3' }],
    });
    const page = renderBoard(context, manager, view([waiting])).main.value;
    const queue = page.slice(page.indexOf('id="reviews-h"'), page.indexOf('id="due-h"'));
    expect(queue).toContain('待审查的决定');
    expect(queue).toContain('待审查（四眼原则）（r3）');
  });

  it('names the refs of due items — milestone, finding, review — instead of their codes', () => {
    const executing = record({
      id: 'd3',
      stage: 'execution',
      due: [
        { what: 'milestone', at: '2027-06-30T00:00:00.000Z', public: true, overdue: false, ref: 'm2' },
        { what: 'rectification', at: '2027-07-31T00:00:00.000Z', public: true, overdue: false, ref: 'f1' },
        { what: 'review', at: '2027-01-10T00:00:00.000Z', public: false, overdue: false, ref: 'r4' },
      ],
    });
    const refs = new Map([
      [
        'd3',
        {
          milestones: new Map([['m2', '完成宣传解读']]),
          findings: new Map([['f1', '部分改造资金拨付滞后，影响了第二批小区的开工时间，需要尽快整改落实到位']]),
          reviews: new Map([['r4', 'progress']]),
        },
      ],
    ]);
    const page = renderBoard(context, manager, { ...view([executing]), refs }).main.value;
    expect(page).toContain('执行里程碑（完成宣传解读）');
    expect(page).toContain('整改期限（部分改造资金拨付滞后，影响了第二批小区的开工时间，需要尽快整）');
    expect(page).toContain('待审查（四眼原则）（执行进展）');
    expect(page).not.toMatch(/[（(](m2|f1|r4)[）)]/);
  });

  it('shows a working-day due date counted on a provisional year as 预计, with how it was counted', () => {
    const counted = {
      from: '2026-12-04T02:00:00.000Z',
      workingDays: 20,
      calendarVersion: 0,
      provisional: true,
      holidaysSkipped: ['2027-01-01'],
      weekendsSkipped: ['2026-12-05'],
      makeUpDaysCounted: [],
      sources: ['《全国年节及纪念日放假办法》(2024)'],
    };
    const waiting = record({
      id: 'd3',
      due: [{ what: 'feedback', at: '2027-01-04T15:59:59.999Z', public: true, overdue: false, counted }],
    });
    const page = renderBoard(context, manager, view([waiting])).main.value;
    expect(page).toContain('badge--provisional">预计<');
    expect(page).toContain('跳过节假日：2027-01-01');
  });
});
