import type { DataSource } from 'typeorm';
import type { ResolvedAnswer, StaffActor } from '../../libs/domain/src';
import {
  createAnswerTemplate,
  findAnswerTemplates,
  listAnswerTemplates,
  listRecordedAnswers,
  lookupReceipt,
  recordAnswers,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { appendInternal, newReceipt, seedClusters, seedDecision } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';

const drafter: StaffActor = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const now = new Date('2026-12-05T00:00:00.000Z');

const answer = (
  targetKind: 'cluster' | 'opinion',
  targetId: string,
  verdict: ResolvedAnswer['verdict'] = 'adopted',
  text = '已采纳',
): ResolvedAnswer => ({
  targetKind,
  targetId,
  verdict,
  text,
  reason: null,
  templateId: null,
});

async function workLog(
  dataSource: DataSource,
  decisionId: string,
): Promise<Array<{ type: string; actor: string; data: string }>> {
  return (await dataSource.query(
    `SELECT type, actor, data FROM feedback_work_log WHERE decision_id = '${decisionId}' ORDER BY id`,
  )) as Array<{ type: string; actor: string; data: string }>;
}

describe.each(databaseKinds())('answers to clusters and opinions on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('records answers to clusters and opinions, replaces them on a later request, and logs every request', async () => {
    const id = `ans-1-${kind}`;
    const receipts = await seedDecision(dataSource, id, [{}, {}, {}]);
    await seedClusters(dataSource, id, [{ clusterId: 'r1-1', label: '停车', receipts: receipts.slice(0, 2) }]);
    await recordAnswers(
      dataSource,
      id,
      [answer('cluster', 'r1-1', 'not_adopted', '不予采纳'), answer('opinion', receipts[2]!)],
      drafter,
      now,
    );
    await recordAnswers(
      dataSource,
      id,
      [{ ...answer('cluster', 'r1-1', 'partially_adopted', '部分采纳'), reason: '理由'.repeat(10) }],
      drafter,
      new Date(now.getTime() + 1000),
    );
    const recorded = await listRecordedAnswers(dataSource, id);
    expect(recorded.map((a) => [a.targetKind, a.targetId, a.verdict])).toEqual([
      ['cluster', 'r1-1', 'partially_adopted'],
      ['opinion', receipts[2], 'adopted'],
    ]);
    expect(recorded[0]!.answeredBy).toEqual({ unit: 'unit-a', role: 'drafter' });
    const log = await workLog(dataSource, id);
    expect(log.map((row) => row.type)).toEqual(['AnswersRecorded', 'AnswersRecorded']);
    expect(JSON.parse(log[0]!.actor)).toEqual({ accountId: 'acc-drafter-a', unit: 'unit-a', role: 'drafter' });
    expect(JSON.parse(log[0]!.data).answers).toHaveLength(2);
    await expect(dataSource.query(`DELETE FROM feedback_work_log WHERE decision_id = '${id}'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('records 1000 answers in one request, and none of a request with one unknown target (named)', async () => {
    const id = `ans-bulk-${kind}`;
    const receipts = await seedDecision(
      dataSource,
      id,
      Array.from({ length: 1000 }, () => ({})),
    );
    expect(
      (
        await recordAnswers(
          dataSource,
          id,
          receipts.map((r) => answer('opinion', r)),
          drafter,
          now,
        )
      ).recorded,
    ).toBe(1000);
    const unknown = newReceipt();
    const changed = [
      ...receipts.slice(0, 999).map((r) => answer('opinion', r, 'not_applicable', '无关')),
      answer('opinion', unknown),
    ];
    await expect(recordAnswers(dataSource, id, changed, drafter, now)).rejects.toMatchObject({
      code: 'RECEIPT_NOT_FOUND',
      kind: 'not_found',
      details: { target: { receipt: unknown } },
    });
    const recorded = await listRecordedAnswers(dataSource, id);
    expect(recorded).toHaveLength(1000);
    expect(recorded.every((a) => a.verdict === 'adopted')).toBe(true);
    expect(await workLog(dataSource, id)).toHaveLength(1);
  });

  it('refuses cluster answers before clustering, and targets of another decision or round', async () => {
    const id = `ans-2-${kind}`;
    const [own] = await seedDecision(dataSource, id, [{}]);
    await expect(recordAnswers(dataSource, id, [answer('cluster', 'r1-1')], drafter, now)).rejects.toMatchObject({
      code: 'CLUSTERS_NOT_READY',
    });
    await recordAnswers(dataSource, id, [answer('opinion', own!)], drafter, now);
    const [foreign] = await seedDecision(dataSource, `ans-2b-${kind}`, [{}]);
    await expect(recordAnswers(dataSource, id, [answer('opinion', foreign!)], drafter, now)).rejects.toMatchObject({
      code: 'RECEIPT_NOT_FOUND',
    });
    const [execution] = await seedDecision(dataSource, `ans-2c-${kind}`, [{ phase: 'execution' }]);
    await expect(
      recordAnswers(dataSource, `ans-2c-${kind}`, [answer('opinion', execution!)], drafter, now),
    ).rejects.toMatchObject({ code: 'RECEIPT_NOT_FOUND' });
    await seedClusters(dataSource, id, [{ clusterId: 'r1-1', label: '停车', receipts: [own!] }]);
    await expect(recordAnswers(dataSource, id, [answer('cluster', 'r1-9')], drafter, now)).rejects.toMatchObject({
      code: 'CLUSTER_NOT_FOUND',
      details: { target: { cluster: 'r1-9' } },
    });
  });

  it('refuses answers outside the feedback stage', async () => {
    const id = `ans-3-${kind}`;
    const [receipt] = await seedDecision(dataSource, id, [{}], { sealed: false });
    await expect(recordAnswers(dataSource, id, [answer('opinion', receipt!)], drafter, now)).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    await expect(
      recordAnswers(dataSource, 'no-such-decision', [answer('opinion', receipt!)], drafter, now),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('freezes answers while the report is under review, again when it is returned, and for good once FeedbackPublished is appended', async () => {
    const id = `ans-4-${kind}`;
    const [receipt] = await seedDecision(dataSource, id, [{}]);
    await appendInternal(
      dataSource,
      id,
      'PublicationSubmitted',
      { reviewId: 'r4', kind: 'feedback', payload: {} },
      'feedback',
    );
    await expect(recordAnswers(dataSource, id, [answer('opinion', receipt!)], drafter, now)).rejects.toMatchObject({
      code: 'FEEDBACK_UNDER_REVIEW',
    });
    await appendInternal(
      dataSource,
      id,
      'PublicationReturned',
      { reviewId: 'r4', kind: 'feedback', reason: '请补充' },
      'feedback',
    );
    await recordAnswers(dataSource, id, [answer('opinion', receipt!)], drafter, now);
    await appendInternal(
      dataSource,
      id,
      'PublicationSubmitted',
      { reviewId: 'r6', kind: 'feedback', payload: {} },
      'feedback',
    );
    const approvedAt = '2026-12-06T00:00:00.000Z';
    await appendInternal(
      dataSource,
      id,
      'PublicationApproved',
      { reviewId: 'r6', kind: 'feedback', stage: 'deciding' },
      'deciding',
      approvedAt,
    );
    const [row] = (await dataSource.query(
      `SELECT feedback_published_at AS at FROM consultations WHERE decision_id = '${id}'`,
    )) as [{ at: string }];
    expect(row.at).toBe(approvedAt);
    await expect(
      recordAnswers(dataSource, id, [answer('opinion', receipt!, 'not_adopted')], drafter, now),
    ).rejects.toMatchObject({ code: 'FEEDBACK_PUBLISHED', kind: 'conflict' });
    expect((await listRecordedAnswers(dataSource, id))[0]!.verdict).toBe('adopted');
  });

  it('shows an answer on the receipt only once the feedback is published: the own answer first, else the cluster’s with its label', async () => {
    const id = `ans-5-${kind}`;
    const receipts = await seedDecision(dataSource, id, [{}, {}, { status: 'withheld', withheldReason: 'spam' }, {}]);
    await seedClusters(dataSource, id, [{ clusterId: 'r1-1', label: '停车收费', receipts: receipts.slice(0, 3) }]);
    await recordAnswers(
      dataSource,
      id,
      [
        { ...answer('cluster', 'r1-1', 'not_adopted', '不予采纳'), reason: '收费标准由价格主管部门统一核定' },
        answer('opinion', receipts[1]!, 'adopted', '单独采纳'),
      ],
      drafter,
      now,
    );
    expect(await lookupReceipt(dataSource, receipts[0]!)).toEqual({
      receipt: receipts[0],
      decisionId: id,
      channel: 'online',
      receivedAt: '2026-11-10T00:00:00.000Z',
      status: 'published',
    });
    await appendInternal(
      dataSource,
      id,
      'PublicationApproved',
      { reviewId: 'r5', kind: 'feedback', stage: 'deciding' },
      'deciding',
    );
    expect(await lookupReceipt(dataSource, receipts[0]!)).toMatchObject({
      status: 'answered',
      answer: {
        verdict: 'not_adopted',
        text: '不予采纳',
        reason: '收费标准由价格主管部门统一核定',
        scope: 'cluster',
        cluster: { clusterId: 'r1-1', label: '停车收费' },
      },
    });
    expect(await lookupReceipt(dataSource, receipts[1]!)).toMatchObject({
      status: 'answered',
      answer: { verdict: 'adopted', text: '单独采纳', scope: 'opinion', cluster: { clusterId: 'r1-1' } },
    });
    expect(await lookupReceipt(dataSource, receipts[2]!)).toMatchObject({
      status: 'answered',
      answer: { scope: 'cluster' },
    });
    expect(await lookupReceipt(dataSource, receipts[3]!)).toMatchObject({ status: 'published' });
    expect(await lookupReceipt(dataSource, receipts[3]!)).not.toHaveProperty('answer');
  });

  it('keeps answer templates per unit, refuses a duplicate id, and logs their creation', async () => {
    const template = {
      unit: 'unit-a',
      templateId: `budget-${kind}`,
      title: '预算所限',
      verdict: 'not_adopted' as const,
      text: '因财政预算所限，暂不采纳。',
    };
    expect(await createAnswerTemplate(dataSource, template, drafter, now)).toMatchObject({
      created: { templateId: template.templateId, unit: 'unit-a' },
    });
    expect(await createAnswerTemplate(dataSource, { ...template, title: '另一个' }, drafter, now)).toEqual({
      exists: true,
    });
    expect(
      await createAnswerTemplate(dataSource, { ...template, unit: 'unit-b' }, { ...drafter, unit: 'unit-b' }, now),
    ).toHaveProperty('created');
    expect((await listAnswerTemplates(dataSource, 'unit-a')).map((t) => t.title)).toContain('预算所限');
    expect([...(await findAnswerTemplates(dataSource, 'unit-a', [template.templateId, 'nope'])).keys()]).toEqual([
      template.templateId,
    ]);
    const log = (await workLog(dataSource, '-')).filter(
      (row) => JSON.parse(row.data).templateId === template.templateId,
    );
    expect(log.map((row) => row.type)).toEqual(['AnswerTemplateCreated', 'AnswerTemplateCreated']);
  });
});
