import type { DataSource } from 'typeorm';
import { RECEIPT_SYMBOLS, receiptFrom } from '../../libs/domain/src';
import { streamOpenDataDecisions, streamOpenDataOpinions, type OpenDataOpinion } from '../../libs/persistence/src';
import { DecisionEntity } from '../../libs/persistence/src/entities/decision.entity';
import { OpinionAnswerEntity } from '../../libs/persistence/src/entities/feedback.entity';
import { ConsultationEntity, OpinionEntity } from '../../libs/persistence/src/entities/opinion.entity';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

// Markers of what must never leave the database through an export.
const SECRETS = [
  'RAW-SECRET',
  'CONTACT-SECRET',
  'IDEM-SECRET',
  'HASH-SECRET',
  'WITHHELD-SECRET',
  'CONFIDENTIAL-SECRET',
  'DRAFT-ANSWER-SECRET',
];

const decision = (id: string, publicVisible: boolean, title = `决策 ${id}`): DecisionEntity =>
  Object.assign(new DecisionEntity(), {
    id,
    title,
    summary: '摘要',
    unit: 'unit-a',
    category: 'health',
    confidential: !publicVisible,
    publicVisible,
    riskAssessmentRequired: false,
    stage: 'feedback',
    plannedDates: '{}',
    registeredAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    lastInternalSeq: 7,
    due: JSON.stringify([
      { kind: 'feedback', at: '2026-03-01T00:00:00.000Z', public: true, overdue: false },
      { kind: 'review', at: '2026-02-01T00:00:00.000Z', public: false, overdue: true },
    ]),
    nextDueAt: '2026-02-01T00:00:00.000Z',
    overdue: true,
    progress: null,
  });

let receipts = 0;
/** Distinct valid receipts in an order unrelated to the insertion order (a bijection mod 31⁶). */
const nextReceipt = (): string => {
  receipts += 1;
  const value = (receipts * 104_729) % 31 ** 6;
  return receiptFrom(
    Array.from(
      { length: RECEIPT_SYMBOLS },
      (_, i) => Math.floor(value / 31 ** Math.max(0, RECEIPT_SYMBOLS - 7 - i)) % 31,
    ),
  );
};

function opinion(decisionId: string, n: number, overrides: Partial<OpinionEntity> = {}): OpinionEntity {
  // Seven opinions share each received time, so that ties straddle the page boundaries.
  const receivedAt = new Date(Date.UTC(2026, 0, 10) + Math.floor(n / 7) * 1000).toISOString();
  return Object.assign(new OpinionEntity(), {
    receipt: nextReceipt(),
    decisionId,
    phase: 'consultation',
    channel: n % 5 === 0 ? 'symposium' : 'online',
    section: n % 3 === 0 ? `第${n % 9}条` : null,
    textRaw: `RAW-SECRET 张三 13812345678 意见 ${n}`,
    textPublic: `意见 ${n} [已隐去]`,
    contact: JSON.stringify({ name: 'CONTACT-SECRET', phone: '13812345678' }),
    idempotencyKey: `IDEM-SECRET-${decisionId}-${n}`,
    requestHash: `HASH-SECRET-${n}`,
    receivedAt,
    status: 'published',
    withheldReason: null,
    round: 1,
    clusterId: `c${n % 3}`,
    ...overrides,
  });
}

async function insertAll(dataSource: DataSource, rows: OpinionEntity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await dataSource.manager.insert(OpinionEntity, rows.slice(i, i + 500));
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const answer = (
  decisionId: string,
  targetKind: string,
  targetId: string,
  verdict: string,
  text: string,
): OpinionAnswerEntity =>
  Object.assign(new OpinionAnswerEntity(), {
    decisionId,
    targetKind,
    targetId,
    verdict,
    text,
    reason: null,
    templateId: null,
    answeredAt: '2026-02-01T00:00:00.000Z',
    answeredBy: '{"role":"drafter","unit":"unit-a"}',
  });

describe.each(databaseKinds())('open-data exports streamed page by page on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  const published = new Map<string, OpinionEntity[]>();
  let singleAnswered: string;

  beforeAll(async () => {
    const { dataSource } = fixture;
    // A: feedback published, 5,000 opinions (3 pages of 2,000); B: consultation open, answers drafted; P: no consultation.
    await dataSource.manager.insert(DecisionEntity, [
      decision('DA', true),
      decision('DB', true),
      decision('DP', true),
      decision('DX', false, 'CONFIDENTIAL-SECRET'),
    ]);
    const counts = {
      received: 5000,
      published: 4500,
      withheld: { spam: 500 },
      byChannel: { online: 4000, symposium: 1000 },
    };
    await dataSource.manager.insert(ConsultationEntity, [
      {
        decisionId: 'DA',
        status: 'sealed',
        opensAt: '2026-01-10T00:00:00.000Z',
        closesAt: '2026-02-10T00:00:00.000Z',
        sealedAt: '2026-02-10T00:00:00.000Z',
        counts: JSON.stringify(counts),
        round: 1,
        clusteredAt: '2026-02-11T00:00:00.000Z',
        feedbackPublishedAt: '2026-02-20T00:00:00.000Z',
      },
      {
        decisionId: 'DB',
        status: 'open',
        opensAt: '2026-01-10T00:00:00.000Z',
        closesAt: '2026-02-10T00:00:00.000Z',
        sealedAt: null,
        counts: null,
        round: 1,
        clusteredAt: null,
        feedbackPublishedAt: null,
      },
      {
        decisionId: 'DX',
        status: 'sealed',
        opensAt: '2026-01-10T00:00:00.000Z',
        closesAt: '2026-02-10T00:00:00.000Z',
        sealedAt: null,
        counts: null,
        round: 1,
        clusteredAt: null,
        feedbackPublishedAt: '2026-02-20T00:00:00.000Z',
      },
    ]);
    const a = Array.from({ length: 5000 }, (_, n) =>
      opinion(
        'DA',
        n,
        n % 10 === 9 ? { status: 'withheld', withheldReason: 'spam', textPublic: `WITHHELD-SECRET ${n}` } : {},
      ),
    );
    const execution = Array.from({ length: 3 }, (_, n) =>
      opinion('DA', 6000 + n, { phase: 'execution', round: 0, clusterId: 'c0' }),
    );
    const b = Array.from({ length: 30 }, (_, n) => opinion('DB', n));
    const x = Array.from({ length: 20 }, (_, n) => opinion('DX', n, { textPublic: `CONFIDENTIAL-SECRET ${n}` }));
    await insertAll(dataSource, [...a, ...execution, ...b, ...x]);
    published.set(
      'DA',
      [...a, ...execution].filter((o) => o.status === 'published'),
    );
    published.set('DB', b);
    singleAnswered = a[1]!.receipt;
    await dataSource.manager.insert(OpinionAnswerEntity, [
      answer('DA', 'cluster', 'c1', 'adopted', '采纳：第一类意见'),
      answer('DA', 'cluster', 'c2', 'not_adopted', '不采纳：第二类意见，理由如下'),
      answer('DA', 'opinion', singleAnswered, 'partially_adopted', '单独答复'),
      answer('DB', 'cluster', 'c1', 'adopted', 'DRAFT-ANSWER-SECRET'),
      answer('DX', 'cluster', 'c1', 'adopted', 'CONFIDENTIAL-SECRET'),
    ]);
  });

  const key = (o: { decisionId: string; receivedAt: string }, receipt: string): string =>
    `${o.decisionId}|${o.receivedAt}|${receipt}`;

  it('exports every published opinion of every public decision once, in (decision, time, receipt) order, across page boundaries', async () => {
    const exported = await collect(streamOpenDataOpinions(fixture.dataSource));
    const expected = [...published.get('DA')!, ...published.get('DB')!].sort((p, q) =>
      key(p, p.receipt) < key(q, q.receipt) ? -1 : 1,
    );
    expect(exported).toHaveLength(expected.length);
    expect(exported.length).toBeGreaterThan(4000);
    // Row i is opinion i: same decision, time and text (texts are unique), so none is missing or repeated.
    expect(exported.map((o) => [o.decisionId, o.receivedAt, o.text])).toEqual(
      expected.map((o) => [o.decisionId, o.receivedAt, o.textPublic]),
    );
    expect(new Set(exported.map((o) => `${o.decisionId}|${o.text}`)).size).toBe(exported.length);
    // Other page sizes put the boundaries inside other groups of equal received times: same result.
    expect(await collect(streamOpenDataOpinions(fixture.dataSource, { pageSize: 97 }))).toEqual(exported);
    expect(await collect(streamOpenDataOpinions(fixture.dataSource, { decisionId: 'DB', pageSize: 3 }))).toEqual(
      exported.filter((o) => o.decisionId === 'DB'),
    );
  });

  it('never exports withheld, raw, contact or confidential data, nor a receipt', async () => {
    const text = JSON.stringify([
      await collect(streamOpenDataOpinions(fixture.dataSource)),
      await collect(streamOpenDataDecisions(fixture.dataSource)),
    ]);
    for (const secret of [...SECRETS, '13812345678', '张三', 'OD-', 'DX']) expect(text).not.toContain(secret);
    const [first] = await collect(streamOpenDataOpinions(fixture.dataSource, { decisionId: 'DA' }));
    expect(Object.keys(first!).sort()).toEqual([
      'answer',
      'channel',
      'clusterId',
      'decisionId',
      'phase',
      'receivedAt',
      'round',
      'section',
      'text',
    ]);
    expect(await collect(streamOpenDataOpinions(fixture.dataSource, { decisionId: 'DX' }))).toEqual([]);
  });

  it('shows clusters and answers only once the feedback is published: the opinion’s own answer first, then its cluster’s', async () => {
    const a = await collect(streamOpenDataOpinions(fixture.dataSource, { decisionId: 'DA' }));
    const byText = new Map(a.map((o) => [o.text, o]));
    const own = byText.get('意见 1 [已隐去]')!;
    expect([own.clusterId, own.answer]).toEqual(['c1', { verdict: 'partially_adopted', text: '单独答复' }]);
    expect(byText.get('意见 4 [已隐去]')).toMatchObject({
      clusterId: 'c1',
      answer: { verdict: 'adopted', text: '采纳：第一类意见' },
    });
    expect(byText.get('意见 5 [已隐去]')).toMatchObject({ clusterId: 'c2', answer: { verdict: 'not_adopted' } });
    expect(byText.get('意见 3 [已隐去]')).toMatchObject({ clusterId: 'c0', answer: null });
    const execution: OpenDataOpinion[] = a.filter((o) => o.phase === 'execution');
    expect(execution.map((o) => [o.round, o.clusterId, o.answer])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    const b = await collect(streamOpenDataOpinions(fixture.dataSource, { decisionId: 'DB' }));
    expect(b).toHaveLength(30);
    expect(b.every((o) => o.clusterId === null && o.answer === null)).toBe(true);
  });

  it('exports each public decision with its public view and consultation, and nothing internal', async () => {
    const decisions = await collect(streamOpenDataDecisions(fixture.dataSource, 2));
    expect(decisions.map((d) => d.id)).toEqual(['DA', 'DB', 'DP']);
    const [a, b, p] = decisions;
    expect(a).toMatchObject({
      title: '决策 DA',
      stage: 'feedback',
      overdue: false,
      nextDueAt: '2026-03-01T00:00:00.000Z',
      progress: null,
    });
    expect(a!.due).toEqual([{ kind: 'feedback', at: '2026-03-01T00:00:00.000Z', public: true, overdue: false }]);
    expect(a!.consultation).toEqual({
      round: 1,
      status: 'sealed',
      opensAt: '2026-01-10T00:00:00.000Z',
      closesAt: '2026-02-10T00:00:00.000Z',
      sealedAt: '2026-02-10T00:00:00.000Z',
      counts: {
        received: 5000,
        published: 4500,
        withheld: { spam: 500 },
        byChannel: { online: 4000, symposium: 1000 },
      },
      feedbackPublishedAt: '2026-02-20T00:00:00.000Z',
    });
    expect(b!.consultation).toMatchObject({ status: 'open', counts: null, sealedAt: null });
    expect(p!.consultation).toBeNull();
    for (const field of ['confidential', 'publicVisible', 'lastInternalSeq', 'clusteredAt'])
      expect(JSON.stringify(decisions)).not.toContain(`"${field}"`);
  });
});
