import type { InternalEventDraft, PublicEventDraft, StaffActor } from '../../libs/domain/src';
import {
  appendEvents,
  findPublicDecisionFeed,
  findRecentPublicEntries,
  recentPublicEventsQuery,
  upsertUnit,
} from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const actor: StaffActor = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const at = (minute: number): string => `2026-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

function registration(
  title: string,
  minute: number,
  confidential = false,
): { public: PublicEventDraft[]; internal: InternalEventDraft[] } {
  const data = {
    title,
    summary: '概要',
    unit: 'unit-a',
    category: 'urban',
    riskAssessmentRequired: false,
    plannedDates: {},
  };
  return {
    public: confidential
      ? []
      : [
          {
            seq: 1,
            type: 'DecisionRegistered',
            occurredAt: at(minute),
            actor: { unit: 'unit-a', role: 'drafter' },
            data,
          },
        ],
    internal: [
      {
        seq: 1,
        type: 'DecisionRegistered',
        occurredAt: at(minute),
        actor,
        data: { ...data, confidential, confidentialGround: confidential ? '工作秘密' : null },
      },
    ],
  };
}

/** A step of `count` public entries sharing one instant (as DecisionPublished + MilestonePlanned do). */
function step(
  publicSeq: number,
  internalSeq: number,
  minute: number,
  count = 1,
): { public: PublicEventDraft[]; internal: InternalEventDraft[] } {
  return {
    public: Array.from({ length: count }, (_, i) => ({
      seq: publicSeq + i,
      type: 'ProgressReported',
      occurredAt: at(minute),
      actor: { unit: 'system', role: 'system' },
      data: { percent: publicSeq + i },
    })),
    internal: [{ seq: internalSeq, type: 'ProgressReported', occurredAt: at(minute), actor, data: {} }],
  };
}

describe.each(databaseKinds())('the public feed read on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = fixture);
    await upsertUnit(dataSource, { id: 'unit-a', name: '甲局', nameEn: 'Bureau A' });
    await appendEvents(dataSource, 'a', registration('甲事项', 0));
    await appendEvents(dataSource, 'b', registration('乙事项', 1));
    await appendEvents(dataSource, 'a', step(2, 2, 3));
    await appendEvents(dataSource, 'b', step(2, 2, 4, 2));
    await appendEvents(dataSource, 'a', step(3, 3, 5));
    // A confidential decision whose log holds an entry while it is not public: the read must drop it.
    await appendEvents(dataSource, 'secret', registration('涉密事项', 2, true));
    await appendEvents(dataSource, 'secret', step(1, 2, 9));
  });

  it('returns the newest entries of public decisions only, newest first, entries of one instant in reverse log order', async () => {
    const page = await findRecentPublicEntries(dataSource, 10);
    expect(page.entries.map((e) => [e.decisionId, e.seq])).toEqual([
      ['a', 3],
      ['b', 3],
      ['b', 2],
      ['a', 2],
      ['b', 1],
      ['a', 1],
    ]);
    expect([...page.decisions.values()]).toEqual(
      expect.arrayContaining([
        { id: 'a', title: '甲事项', unit: 'unit-a' },
        { id: 'b', title: '乙事项', unit: 'unit-a' },
      ]),
    );
    expect(page.decisions.has('secret')).toBe(false);
    expect(page.unitNames.get('unit-a')).toBe('甲局');
    expect(page.entries[0]).toMatchObject({
      type: 'ProgressReported',
      occurredAt: at(5),
      actor: { unit: 'system', role: 'system' },
      data: { percent: 3 },
    });
  });

  it('stops at the limit', async () => {
    expect((await findRecentPublicEntries(dataSource, 2)).entries.map((e) => [e.decisionId, e.seq])).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
  });

  it('reads one public decision newest first, and nothing of an unknown or confidential one', async () => {
    const page = await findPublicDecisionFeed(dataSource, 'b');
    expect(page?.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(page?.decisions.get('b')).toEqual({ id: 'b', title: '乙事项', unit: 'unit-a' });
    expect(await findPublicDecisionFeed(dataSource, 'secret')).toBeUndefined();
    expect(await findPublicDecisionFeed(dataSource, 'nope')).toBeUndefined();
  });

  if (kind === 'sqlite') {
    it('walks the public_events_recent index instead of sorting the whole log', async () => {
      const [sql, parameters] = recentPublicEventsQuery(dataSource, 50).getQueryAndParameters();
      const plan = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as Array<{ detail: string }>;
      const details = plan.map((row) => row.detail).join('\n');
      expect(details).toContain('public_events_recent');
      expect(details).not.toContain('TEMP B-TREE');
    });
  }
});

describe.each(databaseKinds())('the names a feed page carries on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  const entry = (seq: number, minute: number, type: PublicEventDraft['type'], data: Record<string, unknown>) => ({
    public: [{ seq, type, occurredAt: at(minute), actor: { unit: 'unit-a', role: 'drafter' as const }, data }],
    internal: [{ seq, type: 'ProgressReported' as const, occurredAt: at(minute), actor, data: {} }],
  });

  beforeAll(async () => {
    ({ dataSource } = fixture);
    await upsertUnit(dataSource, { id: 'unit-a', name: '甲局', nameEn: 'Bureau A' });
    await upsertUnit(dataSource, { id: 'unit-b', name: '乙局', nameEn: 'Bureau B' });
    await appendEvents(dataSource, 'm', registration('里程碑事项', 0));
    const milestone = { milestoneId: 'm1', title: '完成宣传解读', unit: 'unit-b', dueAt: at(30), weight: 1 };
    await appendEvents(dataSource, 'm', entry(2, 1, 'MilestonePlanned', milestone));
    await appendEvents(dataSource, 'm', entry(3, 2, 'ProgressReported', { milestoneId: 'm1', percent: 50 }));
    await appendEvents(dataSource, 'm', entry(4, 3, 'ProgressReported', { milestoneId: 'm1', percent: 60 }));
  });

  it('holds the milestone titles of its decisions even when their planning is older than the page', async () => {
    const page = await findRecentPublicEntries(dataSource, 1);
    expect(page.entries.map((e) => e.seq)).toEqual([4]);
    expect(page.titles?.map((e) => [e.decisionId, e.seq, e.type])).toEqual([['m', 2, 'MilestonePlanned']]);
    const own = await findPublicDecisionFeed(dataSource, 'm');
    expect(own?.titles?.map((e) => e.seq)).toEqual([2]);
  });

  it('names every unit its entries mention, not only their actors', async () => {
    const page = await findPublicDecisionFeed(dataSource, 'm');
    expect(page?.unitNames.get('unit-b')).toBe('乙局');
  });
});
