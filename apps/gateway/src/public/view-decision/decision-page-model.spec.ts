import type { PublicEventType, PublicLogEntry } from '../../../../../libs/domain/src';
import { foldDecisionPage } from './decision-page-model';

let seq = 0;
const entry = (
  type: PublicEventType,
  data: Record<string, unknown>,
  occurredAt = `2026-11-${String(10 + seq).padStart(2, '0')}T00:00:00.000Z`,
): PublicLogEntry => {
  seq += 1;
  return {
    decisionId: 'd1',
    seq,
    type,
    occurredAt,
    actor: { unit: 'unit-a', role: 'drafter' },
    data,
    prevHash: 'p',
    hash: 'h',
  };
};

describe('folding a public timeline into the decision page', () => {
  beforeEach(() => (seq = 0));

  it('shows the latest published draft with every version, the plan, extensions and the frozen counts', () => {
    const plan = {
      channels: ['online', 'hearing'],
      opensAt: '2026-11-20T00:00:00.000Z',
      closesAt: '2026-12-20T00:00:00.000Z',
      shortenedReason: null,
    };
    const model = foldDecisionPage([
      entry('DecisionRegistered', { title: 't' }),
      entry('DraftPublished', { version: 2, draft: '草案二', basis: '依据', explanation: '说明', consultation: plan }),
      entry('ConsultationOpened', { opensAt: plan.opensAt, closesAt: plan.closesAt, channels: plan.channels }),
      entry('ConsultationExtended', {
        previousClosesAt: plan.closesAt,
        closesAt: '2026-12-30T00:00:00.000Z',
        reason: '群众要求',
      }),
      entry('ConsultationClosed', {
        closedAt: '2026-12-30T00:00:00.000Z',
        feedbackDueAt: '2027-01-28T00:00:00.000Z',
        counts: { received: 5, published: 4, withheld: { spam: 1 }, byChannel: { online: 5 } },
      }),
    ]);
    expect(model.documents).toMatchObject({ version: 2, draft: '草案二', seq: 2 });
    expect(model.versions).toEqual([{ version: 2, publishedAt: '2026-11-11T00:00:00.000Z', seq: 2 }]);
    expect(model.consultation).toMatchObject({
      opened: true,
      channels: ['online', 'hearing'],
      closesAt: '2026-12-30T00:00:00.000Z',
      extensions: [{ previousClosesAt: plan.closesAt, reason: '群众要求' }],
      counts: { received: 5, published: 4, withheld: { spam: 1 }, byChannel: { online: 5 } },
      feedbackDueAt: '2027-01-28T00:00:00.000Z',
    });
  });

  it('keeps a consultation open (no counts) until it is closed, and records hearings from notice to record', () => {
    const model = foldDecisionPage([
      entry('DraftPublished', {
        version: 1,
        draft: 'd',
        basis: 'b',
        explanation: 'e',
        consultation: { channels: ['online'], opensAt: 'o', closesAt: 'c' },
      }),
      entry('HearingNoticed', {
        hearingId: 'h1',
        date: 'x',
        place: '市政府礼堂',
        selectionMethod: '随机',
        participants: ['居民代表'],
      }),
      entry('ConsultationOpened', { opensAt: 'o', closesAt: 'c' }),
      entry('HearingHeld', { hearingId: 'h1', participantsCount: 20, opinionsCount: 3, signedRecordRef: 'REC-1' }),
      entry('ChannelRecorded', { channel: 'symposium', date: 'y', participantsCount: 8, opinionsCount: 2 }),
    ]);
    expect(model.consultation).toMatchObject({ opened: true, closedAt: null, counts: null });
    expect(model.hearings).toEqual([
      {
        hearingId: 'h1',
        date: 'x',
        place: '市政府礼堂',
        selectionMethod: '随机',
        participants: ['居民代表'],
        held: { participantsCount: 20, opinionsCount: 3, signedRecordRef: 'REC-1' },
      },
    ]);
    expect(model.channelRecords).toEqual([{ channel: 'symposium', date: 'y', participantsCount: 8, opinionsCount: 2 }]);
  });

  it('shows the feedback report with each concentrated cluster and its answer', () => {
    const model = foldDecisionPage([
      entry('FeedbackPublished', {
        summary: '共收到意见14条',
        draftChanges: '第三条修改',
        statistics: {
          received: 14,
          published: 13,
          withheld: { abuse: 1 },
          byChannel: { online: 14 },
          answered: { adopted: 2, not_adopted: 12 },
        },
        clusters: [
          {
            clusterId: 'r1-1',
            label: '反对收费翻倍',
            size: 12,
            concentrated: true,
            representativeText: '反对',
            answer: { verdict: 'not_adopted', text: '暂不采纳', reason: '成本监审' },
          },
        ],
      }),
    ]);
    expect(model.feedback).toEqual({
      publishedAt: '2026-11-10T00:00:00.000Z',
      seq: 1,
      summary: '共收到意见14条',
      draftChanges: '第三条修改',
      statistics: {
        received: 14,
        published: 13,
        withheld: { abuse: 1 },
        byChannel: { online: 14 },
        answered: { adopted: 2, not_adopted: 12 },
      },
      clusters: [
        {
          clusterId: 'r1-1',
          label: '反对收费翻倍',
          size: 12,
          concentrated: true,
          representativeText: '反对',
          answer: { verdict: 'not_adopted', text: '暂不采纳', reason: '成本监审' },
        },
      ],
    });
  });

  it('rolls execution up: milestones with reports, completion and overdue flags, findings with rectifications, accountability', () => {
    const model = foldDecisionPage([
      entry('DecisionAdopted', { meeting: '常务会议', date: 'd', publicationDueAt: 'p' }),
      entry('DecisionPublished', {
        text: '决定',
        interpretation: { plainLanguage: '解读', qa: [{ question: '问', answer: '答' }] },
        adoptionExplanation: '说明',
        executionUnit: 'unit-a',
        evaluationDueAt: 'e',
      }),
      entry('MilestonePlanned', {
        milestoneId: 'm1',
        title: '试点',
        unit: 'unit-a',
        dueAt: '2027-01-01T00:00:00.000Z',
        weight: 1,
      }),
      entry('MilestonePlanned', {
        milestoneId: 'm2',
        title: '推广',
        unit: 'unit-b',
        dueAt: '2027-06-01T00:00:00.000Z',
        weight: 3,
      }),
      entry('ProgressReported', { milestoneId: 'm1', percent: 40, narrative: '进行中', overallProgress: 10 }),
      entry('MilestoneOverdue', { milestoneId: 'm1', title: '试点', dueAt: '2027-01-01T00:00:00.000Z', percent: 40 }),
      entry('ProgressReported', { milestoneId: 'm1', percent: 100, narrative: '完成', overallProgress: 25 }),
      entry('MilestoneCompleted', { milestoneId: 'm1' }),
      entry('AuditFindingPublished', {
        findingId: 'f1',
        finding: '资金拨付滞后',
        severity: 'medium',
        rectificationDueAt: 'r',
      }),
      entry('RectificationReported', { findingId: 'f1', action: '已拨付', status: 'completed' }),
      entry('AccountabilityPublished', { subject: '财政科', measure: '约谈', date: 'a' }),
    ]);
    expect(model.collective).toMatchObject({ outcome: 'adopted', meeting: '常务会议' });
    expect(model.decision).toMatchObject({
      text: '决定',
      plainLanguage: '解读',
      qa: [{ question: '问', answer: '答' }],
      executionUnit: 'unit-a',
    });
    expect(model.overallProgress).toBe(25);
    expect(model.milestones.map((m) => [m.id, m.percent, m.completed, m.overdue, m.reports.length])).toEqual([
      ['m1', 100, true, true, 2],
      ['m2', 0, false, false, 0],
    ]);
    expect(model.findings).toMatchObject([
      { id: 'f1', severity: 'medium', rectifications: [{ action: '已拨付', status: 'completed' }] },
    ]);
    expect(model.accountability).toEqual([{ subject: '财政科', measure: '约谈', date: 'a' }]);
  });

  it('pairs an evaluation with its report and lists the changes it led to', () => {
    const model = foldDecisionPage([
      entry('EvaluationStarted', { trigger: 'manager', evaluatorUnit: 'unit-b' }),
      entry('EvaluationPublished', { conclusion: 'suspend', report: '效果不佳' }),
      entry('DecisionSuspended', { since: 's' }),
      entry('DecisionResumed', { reason: '条件具备' }),
    ]);
    expect(model.evaluations).toEqual([
      {
        startedAt: '2026-11-10T00:00:00.000Z',
        trigger: 'manager',
        evaluatorUnit: 'unit-b',
        conclusion: 'suspend',
        report: '效果不佳',
        publishedAt: '2026-11-11T00:00:00.000Z',
      },
    ]);
    expect(model.changes.map((c) => [c.type, c.reason])).toEqual([
      ['DecisionSuspended', null],
      ['DecisionResumed', '条件具备'],
    ]);
  });

  it('reads malformed or missing data without throwing', () => {
    const model = foldDecisionPage([
      entry('DraftPublished', { consultation: 'nope' }),
      entry('ProgressReported', { milestoneId: 'm9' }),
      entry('FeedbackPublished', { clusters: [null, 3] }),
    ]);
    expect(model.documents).toMatchObject({ version: 1, draft: '' });
    expect(model.consultation).toMatchObject({ channels: [], opensAt: '' });
    expect(model.milestones).toEqual([]);
    expect(model.feedback?.clusters).toHaveLength(2);
  });
});
