import type { PublicEventType } from '../../../../../libs/domain/src';
import { beijingTimeEn, summarizeEventEn, summarizeEventIn } from './public-event-text-en';
import { summarizeEvent } from './public-event-text';

/** A public `data` payload of each event type (shapes as in the zh-CN spec), with English free text. */
const SAMPLES: Record<PublicEventType, Record<string, unknown>> = {
  DecisionRegistered: {
    title: 'T',
    summary: 'Adjust contribution tiers',
    unit: 'unit-a',
    category: 'health',
    riskAssessmentRequired: false,
    plannedDates: {},
  },
  DraftPublished: {
    version: 2,
    draft: 'Draft',
    basis: 'Basis',
    explanation: 'Notes',
    consultation: {
      channels: ['online', 'symposium'],
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-01-31T00:00:00.000Z',
      shortenedReason: 'Emergency',
    },
  },
  HearingNoticed: {
    hearingId: 'h1',
    date: '2026-01-10T02:00:00.000Z',
    place: 'City Hall, room 3',
    selectionMethod: 'random',
    participants: ['A', 'B'],
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
    minutes: 'Minutes',
    opinionsCount: 3,
    hearingId: 'h1',
    signedRecordRef: 'R1',
  },
  ChannelRecorded: {
    channel: 'symposium',
    date: '2026-01-11T02:00:00.000Z',
    participantsCount: 8,
    minutes: 'Minutes',
    opinionsCount: 2,
  },
  ConsultationExtended: {
    previousClosesAt: '2026-01-31T00:00:00.000Z',
    closesAt: '2026-02-10T00:00:00.000Z',
    reason: 'Many opinions',
  },
  ConsultationClosed: {
    closedAt: '2026-02-10T00:00:00.000Z',
    feedbackDueAt: '2026-03-10T00:00:00.000Z',
    counts: { received: 120, published: 100, withheld: { spam: 20 }, byChannel: { online: 120 } },
  },
  FeedbackPublished: {
    summary: 'All answered',
    draftChanges: 'Article 3 changed',
    statistics: { received: 120, answered: { adopted: 30, partially_adopted: 10, not_adopted: 80, not_applicable: 0 } },
    clusters: [{}, {}],
  },
  DecisionAdopted: {
    meeting: 'Executive meeting',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'adopted',
    dissentRecorded: false,
    publicationDueAt: '2026-04-29T00:00:00.000Z',
  },
  DecisionRejected: {
    meeting: 'Executive meeting',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'rejected',
    dissentRecorded: true,
  },
  DecisionReturned: {
    meeting: 'Executive meeting',
    date: '2026-04-01T02:00:00.000Z',
    outcome: 'returned',
    dissentRecorded: false,
    reason: 'More analysis',
  },
  DecisionPublished: {
    text: 'Full text',
    interpretation: { plainLanguage: 'Plain' },
    executionUnit: 'unit-a',
    evaluationDueAt: '2027-04-01T00:00:00.000Z',
  },
  MilestonePlanned: {
    milestoneId: 'm1',
    title: 'Issue rules',
    unit: 'unit-a',
    dueAt: '2026-06-30T16:00:00.000Z',
    weight: 1,
  },
  ProgressReported: { milestoneId: 'm1', percent: 50, narrative: 'Rules drafted', overallProgress: 33.333 },
  MilestoneCompleted: { milestoneId: 'm1' },
  MilestoneOverdue: { milestoneId: 'm1', title: 'Issue rules', dueAt: '2026-06-30T16:00:00.000Z', percent: 50 },
  AuditFindingPublished: {
    findingId: 'f1',
    finding: 'Late payments',
    severity: 'high',
    rectificationDueAt: '2026-09-01T00:00:00.000Z',
  },
  RectificationReported: { findingId: 'f1', action: 'Paid', status: 'completed' },
  AccountabilityPublished: { subject: 'Finance office', measure: 'Reprimand', date: '2026-09-10T00:00:00.000Z' },
  EvaluationStarted: {
    trigger: 'opinions',
    evaluatorUnit: null,
    opinions: 101,
    since: '2026-06-01T00:00:00.000Z',
    threshold: 100,
  },
  EvaluationPublished: { conclusion: 'adjust', report: 'Works; adjust a little' },
  DecisionAdjusted: { major: false, reason: 'Raise the standard' },
  DecisionSuspended: { since: '2027-01-01T00:00:00.000Z' },
  DecisionTerminated: { at: '2027-01-01T00:00:00.000Z' },
  DecisionResumed: { reason: 'Conditions met' },
  DecisionClosed: { reason: 'Done' },
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
    name: 'consultation-draft.pdf',
    type: 'pdf',
    mediaType: 'application/pdf',
    size: 1024,
    sha256: 'a'.repeat(64),
  },
  AnnualReportPublished: { unit: 'unit-a', year: 2026, sha256: 'b'.repeat(64), content: {} },
};

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('English text of public log entries', () => {
  it('shows instants in Beijing time', () => {
    expect(beijingTimeEn('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30 (Beijing time)');
    expect(beijingTimeEn('not a time')).toBe('not a time');
    expect(beijingTimeEn(undefined)).toBe('');
  });

  it.each(Object.entries(SAMPLES))('summarizes %s in English from its public data', (type, data) => {
    const text = summarizeEventEn(type, data);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(CJK);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it.each(Object.keys(SAMPLES))('summarizes %s in English without failing when its data is empty', (type) => {
    const text = summarizeEventEn(type, {});
    expect(text).not.toMatch(CJK);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('says what the timeline says, in words', () => {
    expect(summarizeEventEn('ConsultationClosed', SAMPLES.ConsultationClosed)).toBe(
      'Consultation closed on 2026-02-10 08:00 (Beijing time). 120 opinions received, 100 published. Adoption feedback due by 2026-03-10 08:00 (Beijing time).',
    );
    expect(summarizeEventEn('FeedbackPublished', SAMPLES.FeedbackPublished)).toBe(
      'Adoption feedback published. 120 opinions received: 30 adopted, 10 partly adopted, 80 not adopted. 2 groups of concentrated opinions answered one by one. Summary: All answered',
    );
    expect(summarizeEventEn('ProgressReported', SAMPLES.ProgressReported)).toBe(
      'Milestone m1 at 50%; overall progress 33.3%. Rules drafted',
    );
    expect(summarizeEventEn('ChannelRecorded', SAMPLES.ChannelRecorded)).toBe(
      'Offline consultation (symposium) held on 2026-01-11 10:00 (Beijing time): 8 participants, 2 opinions recorded.',
    );
  });

  it('keeps free text from the data as recorded, clipped', () => {
    expect(summarizeEventEn('DecisionResumed', { reason: '条件具备' })).toBe('Execution resumed. Reason: 条件具备');
    expect(
      summarizeEventEn('EvaluationPublished', { conclusion: 'continue', report: 'x'.repeat(5000) }).length,
    ).toBeLessThan(200);
  });

  it('falls back to the type for an unknown event', () => {
    expect(summarizeEventEn('SomethingNew', {})).toBe('SomethingNew');
  });

  it('leaves the zh-CN summary exactly as the feeds use it', () => {
    for (const [type, data] of Object.entries(SAMPLES))
      expect(summarizeEventIn(type, data, 'zh-CN')).toBe(summarizeEvent(type, data));
    expect(summarizeEventIn('DecisionResumed', {}, 'en')).toBe('Execution resumed.');
  });
});
