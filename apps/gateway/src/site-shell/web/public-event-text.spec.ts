import { beijingTime, clip, eventLabel, summarizeEvent, type EVENT_LABELS } from './public-event-text';

/** A public `data` payload of each event type, as the domain produces it. */
const SAMPLES: Record<keyof typeof EVENT_LABELS, Record<string, unknown>> = {
  DecisionRegistered: {
    title: 'T',
    summary: '调整个人缴费档次',
    unit: 'unit-a',
    category: 'health',
    riskAssessmentRequired: false,
    plannedDates: {},
  },
  DraftPublished: {
    version: 2,
    draft: '草案',
    basis: '依据',
    explanation: '说明',
    consultation: {
      channels: ['online', 'symposium'],
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-01-31T00:00:00.000Z',
      shortenedReason: '应急',
    },
  },
  HearingNoticed: {
    hearingId: 'h1',
    date: '2026-01-10T02:00:00.000Z',
    place: '市政府三楼会议室',
    selectionMethod: '随机',
    participants: ['甲', '乙'],
  },
  ConsultationOpened: {
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-01-31T00:00:00.000Z',
    channels: ['online'],
  },
  HearingHeld: {
    channel: 'hearing',
    date: '2026-01-10T02:00:00.000Z',
    participantsCount: 12,
    minutes: '纪要',
    opinionsCount: 3,
    hearingId: 'h1',
    signedRecordRef: 'R1',
  },
  ChannelRecorded: {
    channel: 'symposium',
    date: '2026-01-11T02:00:00.000Z',
    participantsCount: 8,
    minutes: '纪要',
    opinionsCount: 2,
  },
  ConsultationExtended: {
    previousClosesAt: '2026-01-31T00:00:00.000Z',
    closesAt: '2026-02-10T00:00:00.000Z',
    reason: '意见较多',
  },
  ConsultationClosed: {
    closedAt: '2026-02-10T00:00:00.000Z',
    feedbackDueAt: '2026-03-10T00:00:00.000Z',
    counts: { received: 120, published: 100, withheld: { spam: 20 }, byChannel: { online: 120 } },
  },
  FeedbackPublished: {
    summary: '共答复意见',
    draftChanges: '修改第三条',
    statistics: { received: 120, answered: { adopted: 30, partially_adopted: 10, not_adopted: 80, not_applicable: 0 } },
    clusters: [{}, {}],
  },
  DecisionAdopted: {
    meeting: '市政府常务会议',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'adopted',
    dissentRecorded: false,
    publicationDueAt: '2026-04-29T00:00:00.000Z',
  },
  DecisionRejected: {
    meeting: '市政府常务会议',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'rejected',
    dissentRecorded: true,
  },
  DecisionReturned: {
    meeting: '市政府常务会议',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'returned',
    dissentRecorded: false,
    reason: '补充论证',
  },
  DecisionPublished: {
    text: '全文',
    interpretation: { plainLanguage: '解读' },
    executionUnit: 'unit-a',
    evaluationDueAt: '2027-04-01T00:00:00.000Z',
  },
  MilestonePlanned: {
    milestoneId: 'm1',
    title: '出台细则',
    unit: 'unit-a',
    dueAt: '2026-06-30T16:00:00.000Z',
    weight: 1,
  },
  ProgressReported: { milestoneId: 'm1', percent: 50, narrative: '细则已起草', overallProgress: 33.333 },
  MilestoneCompleted: { milestoneId: 'm1' },
  MilestoneOverdue: { milestoneId: 'm1', title: '出台细则', dueAt: '2026-06-30T16:00:00.000Z', percent: 50 },
  AuditFindingPublished: {
    findingId: 'f1',
    finding: '资金拨付滞后',
    severity: 'high',
    rectificationDueAt: '2026-09-01T00:00:00.000Z',
  },
  RectificationReported: { findingId: 'f1', action: '已拨付', status: 'completed' },
  AccountabilityPublished: { subject: '财务科', measure: '通报批评', date: '2026-09-10T00:00:00.000Z' },
  EvaluationStarted: {
    trigger: 'opinions',
    evaluatorUnit: null,
    opinions: 101,
    since: '2026-06-01T00:00:00.000Z',
    threshold: 100,
  },
  EvaluationPublished: { conclusion: 'adjust', report: '效果良好，部分调整' },
  DecisionAdjusted: { major: false, reason: '提高标准' },
  DecisionSuspended: { since: '2027-01-01T00:00:00.000Z' },
  DecisionTerminated: { at: '2027-01-01T00:00:00.000Z' },
  DecisionResumed: { reason: '条件具备' },
  DecisionClosed: { reason: '执行完毕' },
  DueDateRecomputed: {
    deadline: 'feedback',
    from: '2026-12-31T15:59:59.999Z',
    to: '2027-01-04T15:59:59.999Z',
    calendarVersion: 1,
    provisional: false,
    sources: ['国办发明电〔2026〕99号 (2026-12-01)'],
  },
  AttachmentAdded: {
    target: 'draft',
    version: 1,
    name: '征求意见稿.pdf',
    type: 'pdf',
    mediaType: 'application/pdf',
    size: 1024,
    sha256: 'a'.repeat(64),
  },
  AnnualReportPublished: { unit: 'unit-a', year: 2026, sha256: 'b'.repeat(64), content: {} },
};

describe('zh-CN text of public log entries', () => {
  it('shows instants in Beijing time', () => {
    expect(beijingTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(beijingTime('不是时间')).toBe('不是时间');
    expect(beijingTime(undefined)).toBe('');
  });

  it('clips long text by characters, folding whitespace', () => {
    expect(clip('一二三四五', 5)).toBe('一二三四五');
    expect(clip('一二三四五六', 5)).toBe('一二三四…');
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(clip(' a\n\n b ')).toBe('a b');
    expect(clip(42)).toBe('');
  });

  it.each(Object.entries(SAMPLES))('summarizes %s from its public data', (type, data) => {
    const text = summarizeEvent(type, data);
    expect(text.length).toBeGreaterThan(4);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it.each(Object.keys(SAMPLES))('summarizes %s without failing when its data is empty', (type) => {
    expect(summarizeEvent(type, {})).not.toMatch(/undefined|NaN|\[object/);
  });

  it('says what the timeline says, in words', () => {
    expect(summarizeEvent('ConsultationClosed', SAMPLES.ConsultationClosed)).toBe(
      '征求意见于2026-02-10 08:00结束。共收到意见120条，公开100条。采纳情况反馈应于2026-03-10 08:00前公布。',
    );
    expect(summarizeEvent('FeedbackPublished', SAMPLES.FeedbackPublished)).toBe(
      '公布意见采纳情况反馈。共收到意见120条，其中采纳30条，部分采纳10条，未采纳80条。逐一答复相对集中的意见2类。概要：共答复意见',
    );
    expect(summarizeEvent('ProgressReported', SAMPLES.ProgressReported)).toBe(
      '里程碑m1进度50%，总体进度33.3%。细则已起草',
    );
  });

  it('never puts the full text of a draft or decision into a summary', () => {
    const long = '条'.repeat(5000);
    expect(summarizeEvent('DraftPublished', { ...SAMPLES.DraftPublished, draft: long }).includes(long)).toBe(false);
    expect(summarizeEvent('EvaluationPublished', { conclusion: 'continue', report: long }).length).toBeLessThan(200);
  });

  it('falls back to the type for an unknown event', () => {
    expect(eventLabel('SomethingNew')).toBe('SomethingNew');
    expect(summarizeEvent('SomethingNew', {})).toBe('SomethingNew');
  });
});
