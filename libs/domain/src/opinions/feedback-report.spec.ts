import type { StaffActor } from '../accounts/actors';
import { perform } from '../lifecycle/decision-action';
import { initialState, type DecisionState } from '../lifecycle/decision-state';
import { assertClustersAnswered, assertLabelsConfirmed, MIN_REASON_CHARS, type ReportCluster } from './feedback-report';
import { submitFeedbackReport } from '../lifecycle/actions-consultation';
import { DEFAULT_POLICY } from '../accounts/policy';
import { applyRegistration } from '../lifecycle/register-decision';

const now = new Date('2026-11-02T02:00:00.000Z');
const drafter: StaffActor = { accountId: 'a-drafter', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const reason = (chars: number): string => '理'.repeat(chars);

const cluster = (overrides: Partial<ReportCluster> = {}): ReportCluster => ({
  clusterId: 'r1-3',
  label: '停车收费',
  size: 40,
  concentrated: true,
  answer: { verdict: 'adopted', text: '已采纳', reason: null },
  ...overrides,
});

const refusal = (clusters: ReportCluster[]): unknown => {
  try {
    assertClustersAnswered({ clusters });
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('the answered-clusters rule of the feedback report (SPEC.md §3.4)', () => {
  it('refuses a concentrated cluster without an answer, naming it', () => {
    expect(refusal([cluster({ answer: undefined })])).toMatchObject({
      code: 'CLUSTER_UNANSWERED',
      kind: 'conflict',
      details: { clusterId: 'r1-3' },
    });
    expect(refusal([cluster({ answer: null })])).toMatchObject({ code: 'CLUSTER_UNANSWERED' });
  });

  it.each(['not_adopted', 'partially_adopted'] as const)(
    'refuses a %s concentrated cluster whose reason has 19 characters',
    (verdict) => {
      const error = refusal([
        cluster({ answer: { verdict, text: '答复', reason: reason(MIN_REASON_CHARS - 1) } }),
      ]) as Error;
      expect(error).toMatchObject({ code: 'REASON_REQUIRED', kind: 'conflict', details: { clusterId: 'r1-3' } });
      expect(error.message).toContain('r1-3');
      expect(error.message).toContain('停车收费');
    },
  );

  it.each(['not_adopted', 'partially_adopted'] as const)(
    'accepts a %s concentrated cluster whose reason has 20 characters',
    (verdict) => {
      expect(
        refusal([cluster({ answer: { verdict, text: '答复', reason: reason(MIN_REASON_CHARS) } })]),
      ).toBeUndefined();
    },
  );

  it('refuses a missing reason and does not count surrounding spaces', () => {
    expect(refusal([cluster({ answer: { verdict: 'not_adopted', text: '答复', reason: null } })])).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(
      refusal([cluster({ answer: { verdict: 'not_adopted', text: '答复', reason: `  ${reason(19)}   ` } })]),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
  });

  it('counts an emoji as one character', () => {
    expect(
      refusal([
        cluster({ answer: { verdict: 'not_adopted', text: '答复', reason: `${'😀'.repeat(10)}${reason(9)}` } }),
      ]),
    ).toMatchObject({ code: 'REASON_REQUIRED' });
  });

  it.each(['adopted', 'not_applicable'] as const)('needs no reason for an %s concentrated cluster', (verdict) => {
    expect(refusal([cluster({ answer: { verdict, text: '答复', reason: null } })])).toBeUndefined();
  });

  it('leaves clusters that are not concentrated free: unanswered or without a reason', () => {
    const small = [
      cluster({ concentrated: false, answer: undefined }),
      cluster({ concentrated: false, answer: { verdict: 'not_adopted', text: '答复', reason: null } }),
    ];
    expect(refusal(small)).toBeUndefined();
  });

  it('names the first offending cluster in report order', () => {
    const clusters = [
      cluster(),
      cluster({ clusterId: 'r1-7', label: '公交', answer: undefined }),
      cluster({ clusterId: 'r1-9', answer: { verdict: 'not_adopted', text: '', reason: null } }),
    ];
    expect(refusal(clusters)).toMatchObject({ code: 'CLUSTER_UNANSWERED', details: { clusterId: 'r1-7' } });
  });
});

describe('the feedback-report action', () => {
  const inFeedback = (): DecisionState => ({
    ...applyRegistration(initialState('d1'), {
      title: 't',
      summary: 's',
      unit: 'unit-a',
      category: 'c',
      confidential: false,
      riskAssessmentRequired: false,
    }),
    stage: 'feedback',
  });
  const submit = (command: Record<string, unknown>) =>
    perform(submitFeedbackReport, inFeedback(), command, { actor: drafter, now, policy: DEFAULT_POLICY });

  it('submits a report without clusters exactly as before (recorded histories replay unchanged)', () => {
    const step = submit({ summary: '无', draftChanges: '无' });
    expect(step.state.reviews?.[0]?.payload).toEqual({ summary: '无', draftChanges: '无', statistics: {} });
  });

  it('refuses a report whose concentrated cluster is not adopted without a reason', () => {
    const clusters = [cluster({ answer: { verdict: 'not_adopted', text: '不予采纳', reason: '太短' } })];
    expect(() => submit({ summary: '摘要', draftChanges: '无', clusters })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
  });

  it('puts the checked clusters into the payload that FeedbackPublished will carry', () => {
    const clusters = [
      cluster({ representativeText: '建议维持现行标准' }),
      { clusterId: 'r1-4', label: '其他', size: 2, concentrated: false },
    ];
    const payload = submit({ summary: '摘要', draftChanges: '无', statistics: { received: 42 }, clusters }).state
      .reviews?.[0]?.payload;
    expect(payload).toEqual({
      summary: '摘要',
      draftChanges: '无',
      statistics: { received: 42 },
      clusters: [
        {
          clusterId: 'r1-3',
          label: '停车收费',
          size: 40,
          concentrated: true,
          representativeText: '建议维持现行标准',
          answer: { verdict: 'adopted', text: '已采纳', reason: null },
        },
        { clusterId: 'r1-4', label: '其他', size: 2, concentrated: false, representativeText: null, answer: null },
      ],
    });
  });

  it('refuses malformed clusters with INVALID_FIELD', () => {
    expect(() => submit({ summary: 's', draftChanges: 'd', clusters: [{ label: 'x' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD' }),
    );
    expect(() =>
      submit({ summary: 's', draftChanges: 'd', clusters: [cluster({ answer: { verdict: 'maybe' } as never })] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FIELD' }));
  });
});

describe('the confirmed-labels rule of the feedback report (issue 16, ADR 77)', () => {
  const labelled = (clusterId: string, labelConfirmed: boolean) => ({ clusterId, label: '停车收费', labelConfirmed });

  it('passes when every label is confirmed, or when there are no clusters', () => {
    expect(() => assertLabelsConfirmed([labelled('r1-1', true), labelled('r1-2', true)])).not.toThrow();
    expect(() => assertLabelsConfirmed([])).not.toThrow();
  });

  it('refuses an unconfirmed label, naming the first one and counting them', () => {
    expect(() =>
      assertLabelsConfirmed([labelled('r1-1', true), labelled('r1-2', false), labelled('r1-3', false)]),
    ).toThrow(
      expect.objectContaining({
        code: 'CLUSTER_LABEL_UNCONFIRMED',
        kind: 'conflict',
        details: { clusterId: 'r1-2', unconfirmed: 2 },
      }),
    );
  });
});
