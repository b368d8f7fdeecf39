import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, type StaffActor } from '../../libs/domain/src';
import {
  concentratedClusters,
  feedbackReportFacts,
  feedbackStatistics,
  findPublishedFeedback,
  recordAnswers,
  sealConsultation,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { appendInternal, CLOSES_AT, seedClusters, seedDecision, type SeedOpinion } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';

const drafter: StaffActor = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const now = new Date('2026-12-05T00:00:00.000Z');
const FORM_LETTER = '我叫王五，电话13912345678，反对停车收费翻倍。';

/**
 * 17 opinions count: a form letter sent 11 times (one withheld as spam, first in its cluster), 3 from a
 * symposium, 2 with contacts, 1 withheld as abuse and never clustered; an execution-stage opinion and one
 * stamped at the close time do not count.
 */
const OPINIONS: SeedOpinion[] = [
  { text: FORM_LETTER, status: 'withheld', withheldReason: 'spam' },
  ...Array.from({ length: 10 }, (): SeedOpinion => ({ text: FORM_LETTER })),
  ...Array.from(
    { length: 3 },
    (_, i): SeedOpinion => ({ text: `座谈会意见 ${i}：建议分步实施`, channel: 'symposium' }),
  ),
  { text: '建议增加夜间免费时段', contact: { name: '张三', phone: '13800000000' } },
  { text: '建议公布收费测算依据', contact: { name: '李四' } },
  { text: '骂人的话', status: 'withheld', withheldReason: 'abuse' },
  { text: '执行阶段的意见', phase: 'execution' },
  { text: '截止时刻的意见', receivedAt: CLOSES_AT },
];

describe.each(databaseKinds())('the facts of the feedback report on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  const id = `report-${kind}`;
  let receipts: string[];
  beforeAll(async () => {
    ({ dataSource } = fixture);
    receipts = await seedDecision(dataSource, id, OPINIONS);
  });

  it('refuses to build the report before the opinions are clustered, but not for a consultation without opinions', async () => {
    await expect(feedbackReportFacts(dataSource, id, DEFAULT_POLICY)).rejects.toMatchObject({
      code: 'CLUSTERS_NOT_READY',
      kind: 'conflict',
    });
    await seedDecision(dataSource, `empty-${kind}`, []);
    expect(await feedbackReportFacts(dataSource, `empty-${kind}`, DEFAULT_POLICY)).toMatchObject({
      statistics: { received: 0, unanswered: 0 },
      clusters: [],
    });
  });

  it('counts the round as the seal did, with withheld and channel opinions, and answers by verdict (own answer first, else the cluster’s)', async () => {
    await seedClusters(dataSource, id, [
      { clusterId: 'r1-1', label: '反对停车收费翻倍', receipts: receipts.slice(0, 11) },
      { clusterId: 'r1-2', label: '分步实施', receipts: receipts.slice(11, 14) },
      { clusterId: 'r1-3', label: '其他建议', receipts: receipts.slice(14, 16) },
    ]);
    await recordAnswers(
      dataSource,
      id,
      [
        {
          targetKind: 'cluster',
          targetId: 'r1-1',
          verdict: 'not_adopted',
          text: '不予采纳',
          reason: '收费标准由价格主管部门按成本统一核定',
          templateId: null,
        },
        { targetKind: 'cluster', targetId: 'r1-2', verdict: 'adopted', text: '已采纳', reason: null, templateId: null },
        {
          targetKind: 'opinion',
          targetId: receipts[14]!,
          verdict: 'partially_adopted',
          text: '部分采纳',
          reason: '夜间时段将试点',
          templateId: null,
        },
      ],
      drafter,
      now,
    );
    const statistics = await feedbackStatistics(dataSource, id);
    const sealed = await sealConsultation(dataSource, id, new Date());
    expect(statistics).toEqual({
      round: 1,
      received: 17,
      published: 15,
      withheld: { spam: 1, abuse: 1 },
      byChannel: { online: 14, symposium: 3 },
      clusters: 3,
      answered: { adopted: 3, partially_adopted: 1, not_adopted: 11, not_applicable: 0 },
      unanswered: 2,
    });
    expect({
      received: statistics.received,
      published: statistics.published,
      withheld: statistics.withheld,
      byChannel: statistics.byChannel,
    }).toEqual(sealed);
  });

  it('lists the concentrated clusters, largest first, with label, public representative text and answer', async () => {
    const clusters = await concentratedClusters(dataSource, id, { concentratedMin: 3, concentratedShare: 0.05 });
    expect(clusters).toEqual([
      {
        clusterId: 'r1-1',
        label: '反对停车收费翻倍',
        size: 11,
        concentrated: true,
        // Its representative is withheld: nothing of it is shown.
        representativeText: null,
        answer: { verdict: 'not_adopted', text: '不予采纳', reason: '收费标准由价格主管部门按成本统一核定' },
      },
      {
        clusterId: 'r1-2',
        label: '分步实施',
        size: 3,
        concentrated: true,
        representativeText: '座谈会意见 0：建议分步实施',
        answer: { verdict: 'adopted', text: '已采纳', reason: null },
      },
    ]);
    expect((await concentratedClusters(dataSource, id, DEFAULT_POLICY)).map((c) => c.clusterId)).toEqual(['r1-1']);
    // The share decides when it is above the minimum: half of 17 opinions is 8.5.
    expect(
      (await concentratedClusters(dataSource, id, { concentratedMin: 1, concentratedShare: 0.5 })).map(
        (c) => c.clusterId,
      ),
    ).toEqual(['r1-1']);
    expect(await concentratedClusters(dataSource, id, { concentratedMin: 12, concentratedShare: 0 })).toEqual([]);
  });

  it('serves a published report only of a public decision, and only once published', async () => {
    expect(await findPublishedFeedback(dataSource, id)).toEqual({ found: false, missing: 'feedback' });
    await appendInternal(
      dataSource,
      `secret-${kind}`,
      'DecisionRegistered',
      {
        title: '涉密',
        summary: 's',
        unit: 'unit-a',
        category: 'c',
        confidential: true,
        riskAssessmentRequired: false,
        plannedDates: {},
      },
      'drafting',
    );
    expect(await findPublishedFeedback(dataSource, `secret-${kind}`)).toEqual({ found: false, missing: 'decision' });
    expect(await findPublishedFeedback(dataSource, 'no-such-decision')).toEqual({ found: false, missing: 'decision' });
  });

  it('never carries a raw text or a contact into the report', async () => {
    const facts = JSON.stringify(
      await feedbackReportFacts(dataSource, id, { concentratedMin: 1, concentratedShare: 0 }),
    );
    expect(facts).toContain('座谈会意见');
    for (const secret of ['13912345678', '13800000000', '张三', '李四', '骂人的话'])
      expect(facts).not.toContain(secret);
  });
});
