import type { InternalEventDraft, StaffActor } from '../../libs/domain/src';
import { appendEvents, dueRefNames } from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

// What the console's board names a due item's ref by (ADR 108, 124): milestones from the public log,
// findings and submissions from the internal log.

const actor: StaffActor = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const at = (minute: number): string => `2026-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
const internal = (seq: number, type: InternalEventDraft['type'], data: Record<string, unknown>) => ({
  public: [],
  internal: [{ seq, type, occurredAt: at(seq), actor, data }],
});
/** A step that plans a milestone: the public log's MilestonePlanned, the internal log's action. */
const planned = (seq: number, publicSeq: number, milestoneId: string, title: string) => ({
  public: [
    {
      seq: publicSeq,
      type: 'MilestonePlanned' as const,
      occurredAt: at(seq),
      actor: { unit: 'unit-a', role: 'drafter' as const },
      data: { milestoneId, title, unit: 'unit-a', dueAt: at(50), weight: 1 },
    },
  ],
  internal: [{ seq, type: 'ProgressReported' as const, occurredAt: at(seq), actor, data: {} }],
});

describe.each(databaseKinds())('the names of due items’ refs on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = fixture);
    await appendEvents(dataSource, 'd1', planned(1, 1, 'm1', '完成宣传解读'));
    await appendEvents(
      dataSource,
      'd1',
      internal(2, 'AuditFindingPublished', { findingId: 'f1', finding: '资金拨付滞后' }),
    );
    await appendEvents(dataSource, 'd1', internal(3, 'PublicationSubmitted', { reviewId: 'r1', kind: 'progress' }));
    await appendEvents(dataSource, 'd1', internal(4, 'ProgressReported', { milestoneId: 'm1', percent: 10 }));
    await appendEvents(dataSource, 'd2', planned(1, 1, 'm1', '另一事项'));
  });

  it('reads milestone titles, finding texts and review kinds per decision, for the decisions asked only', async () => {
    const refs = await dueRefNames(dataSource, ['d1', 'd1', 'none']);
    expect([...refs.keys()]).toEqual(['d1']);
    const d1 = refs.get('d1')!;
    expect([...d1.milestones]).toEqual([['m1', '完成宣传解读']]);
    expect([...d1.findings]).toEqual([['f1', '资金拨付滞后']]);
    expect([...d1.reviews]).toEqual([['r1', 'progress']]);
    expect((await dueRefNames(dataSource, ['d2'])).get('d2')?.milestones.get('m1')).toBe('另一事项');
    expect((await dueRefNames(dataSource, [])).size).toBe(0);
  });
});
