import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { categoryName, DEFAULT_CATEGORIES, parseCategories } from './categories';
import { categoryLabel, eventNamesOf, unitName, type Names } from './names';
import { summarizeEvent } from './public-event-text';
import { summarizeEventEn } from './public-event-text-en';

const names: Names = {
  units: new Map([['unit-a', { name: '市住建局', nameEn: 'Housing Bureau' }]]),
  categories: DEFAULT_CATEGORIES,
};
const entry = (seq: number, type: string, data: Record<string, unknown>): PublicLogEntry =>
  ({
    decisionId: 'd',
    seq,
    type,
    occurredAt: '2026-05-01T00:00:00.000Z',
    actor: {},
    data,
    prevHash: '',
    hash: '',
  }) as PublicLogEntry;
const timeline = [
  entry(1, 'MilestonePlanned', {
    milestoneId: 'm2',
    title: '完成首批改造',
    unit: 'unit-a',
    dueAt: '2027-01-01T00:00:00Z',
    weight: 1,
  }),
  entry(2, 'AuditFindingPublished', { findingId: 'f1', finding: '资金拨付滞后'.repeat(8), severity: 'low' }),
];

describe('names for codes', () => {
  it('names a unit and a category in the page language, and shows an unknown code as itself', () => {
    expect(unitName(names, 'unit-a', 'zh-CN')).toBe('市住建局');
    expect(unitName(names, 'unit-a', 'en')).toBe('Housing Bureau');
    expect(unitName(names, '区交通局', 'zh-CN')).toBe('区交通局');
    expect(categoryLabel(names, 'housing', 'zh-CN')).toBe('住房保障');
    expect(categoryLabel(names, 'housing', 'en')).toBe('Housing');
    expect(categoryName(DEFAULT_CATEGORIES, 'c', 'en')).toBe('c');
  });

  it('gives summaries milestone titles, finding words and unit names instead of m2, f1 and unit-a', () => {
    const zh = eventNamesOf(timeline, names, 'zh-CN');
    expect(summarizeEvent('ProgressReported', { milestoneId: 'm2', percent: 50, narrative: '过半' }, zh)).toContain(
      '里程碑「完成首批改造」进度50%',
    );
    expect(summarizeEvent('MilestoneCompleted', { milestoneId: 'm2' }, zh)).toBe('里程碑「完成首批改造」已完成。');
    expect(
      summarizeEvent('RectificationReported', { findingId: 'f1', action: '建台账', status: 'completed' }, zh),
    ).toBe(`审计发现「${'资金拨付滞后'.repeat(5).slice(0, 29)}…」已整改：建台账`);
    expect(summarizeEvent('MilestonePlanned', timeline[0]!.data, zh)).toContain('责任单位市住建局');
    const en = eventNamesOf(timeline, names, 'en');
    expect(summarizeEventEn('MilestoneCompleted', { milestoneId: 'm2' }, en)).toBe(
      'Milestone “完成首批改造” completed.',
    );
    expect(summarizeEventEn('MilestonePlanned', timeline[0]!.data, en)).toContain('responsible unit Housing Bureau');
  });

  it('keeps the codes where nothing names them (feeds, old entries)', () => {
    expect(summarizeEvent('MilestoneCompleted', { milestoneId: 'm9' })).toBe('里程碑m9已完成。');
    expect(summarizeEvent('MilestoneCompleted', { milestoneId: 'm9' }, eventNamesOf(timeline, names, 'zh-CN'))).toBe(
      '里程碑m9已完成。',
    );
  });

  it('reads DECISION_CATEGORIES and says what is wrong with a bad one', () => {
    expect(parseCategories('a:甲:A;b:乙')).toEqual([
      { id: 'a', name: '甲', nameEn: 'A' },
      { id: 'b', name: '乙', nameEn: '乙' },
    ]);
    expect(parseCategories('')).toMatch(/at least one/);
    expect(parseCategories('A B:甲')).toMatch(/not id:中文名:English name/);
    expect(parseCategories('a:甲:A:x')).toMatch(/not id/);
    expect(parseCategories('a:甲;a:乙')).toMatch(/listed twice/);
  });
});
