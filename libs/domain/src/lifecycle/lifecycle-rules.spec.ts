import type { StaffActor } from '../accounts/actors';
import { findAction } from './actions';
import { perform } from './decision-action';
import { initialState, type DecisionState } from './decision-state';
import { projectDecision } from './decision-record';
import type { InternalEventDraft } from '../log/internal-log';
import { DEFAULT_POLICY } from '../accounts/policy';
import { applyRegistration } from './register-decision';

const now = new Date('2026-11-02T02:00:00.000Z'); // a Monday
const day = 86_400_000;
const iso = (ms: number): string => new Date(now.getTime() + ms).toISOString();
const drafter: StaffActor = { accountId: 'a-drafter', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const otherDrafter: StaffActor = { accountId: 'b-drafter', username: 'drafter-b', unit: 'unit-b', role: 'drafter' };
const reviewer: StaffActor = { accountId: 'a-reviewer', username: 'reviewer', unit: 'unit-a', role: 'reviewer' };
const manager: StaffActor = { accountId: 'a-manager', username: 'manager', unit: 'unit-a', role: 'manager' };

function run(
  state: DecisionState,
  actor: StaffActor,
  name: string,
  command: Record<string, unknown> = {},
): DecisionState {
  return perform(findAction(name)!, state, command, { actor, now, policy: DEFAULT_POLICY }).state;
}

function refuse(
  state: DecisionState,
  actor: StaffActor,
  name: string,
  command: Record<string, unknown>,
  code: string,
): void {
  expect(() => run(state, actor, name, command)).toThrow(expect.objectContaining({ code }));
}

const registered = (overrides: Partial<DecisionState> = {}): DecisionState => ({
  ...applyRegistration(initialState('d1'), {
    title: 't',
    summary: 's',
    unit: 'unit-a',
    category: 'c',
    confidential: false,
    riskAssessmentRequired: false,
  }),
  ...overrides,
});

/** The internal DecisionRegistered of a confidential decision, as the read model folds it. */
const registration: InternalEventDraft = {
  seq: 1,
  type: 'DecisionRegistered',
  occurredAt: iso(0),
  actor: drafter,
  data: { title: '涉密标题', summary: '涉密摘要', unit: 'unit-a', category: 'c', confidential: true },
};

const drafted = (): DecisionState =>
  run(registered(), drafter, 'draft-versions', { draft: 'd', basis: 'b', explanation: 'e' });
const deciding = (overrides: Partial<DecisionState> = {}): DecisionState => ({
  ...drafted(),
  stage: 'deciding',
  ...overrides,
});

describe('the legal rules of the lifecycle', () => {
  it('rejects a consultation shorter than 30 days without a reason (Decree 713 art.15)', () => {
    refuse(
      drafted(),
      drafter,
      'consultation-plan',
      { channels: ['online'], opensAt: iso(day), closesAt: iso(20 * day) },
      'CONSULTATION_TOO_SHORT',
    );
    const planned = run(drafted(), drafter, 'consultation-plan', {
      channels: ['online'],
      opensAt: iso(day),
      closesAt: iso(20 * day),
      shortenedReason: '紧急',
    });
    refuse(planned, drafter, 'submit-for-publication', {}, 'SHORTENING_NOT_APPROVED');
  });

  it('accepts 30 days without a reason', () => {
    const planned = run(drafted(), drafter, 'consultation-plan', {
      channels: ['online'],
      opensAt: iso(day),
      closesAt: iso(31 * day),
    });
    expect(planned.plan?.shortenedReason).toBeUndefined();
  });

  it('rejects a hearing noticed less than 7 days ahead (art.16)', () => {
    const disclosed = { ...drafted(), stage: 'pre_disclosure' as const };
    refuse(
      disclosed,
      drafter,
      'hearings',
      { date: iso(6 * day), place: 'p', selectionMethod: 'm', participants: [] },
      'HEARING_NOTICE_TOO_SHORT',
    );
    expect(
      run(disclosed, drafter, 'hearings', {
        date: iso(7 * day + 1000),
        place: 'p',
        selectionMethod: 'm',
        participants: [],
      }).hearings,
    ).toHaveLength(1);
  });

  it('rejects a collective decision without a passing legality review (art.25)', () => {
    const meeting = { meeting: 'm', date: iso(0), outcome: 'adopted' };
    refuse(deciding(), manager, 'collective-decision', meeting, 'LEGALITY_REVIEW_REQUIRED');
    refuse(
      deciding({ legalityReview: { dueAt: iso(9 * day), opinion: 'unlawful' } }),
      manager,
      'collective-decision',
      meeting,
      'LEGALITY_REVIEW_REQUIRED',
    );
  });

  it('gives the legality reviewer at least 7 working days (art.26)', () => {
    refuse(deciding(), drafter, 'legality-review-request', { dueAt: iso(6 * day) }, 'LEGALITY_REVIEW_TOO_SHORT');
    // Monday 2026-11-02 + 7 working days ends on Wednesday 2026-11-11 (Shanghai).
    expect(run(deciding(), drafter, 'legality-review-request').legalityReview?.dueAt).toBe('2026-11-11T15:59:59.999Z');
  });

  it('rejects a collective decision without the required risk assessment (art.22) and adoption of an uncontrollable risk (art.24)', () => {
    const reviewed = {
      legalityReview: { dueAt: iso(9 * day), opinion: 'lawful' as const },
      riskAssessmentRequired: true,
    };
    const meeting = { meeting: 'm', date: iso(0), outcome: 'adopted' };
    refuse(deciding(reviewed), manager, 'collective-decision', meeting, 'RISK_ASSESSMENT_REQUIRED');
    refuse(
      deciding({ ...reviewed, riskAssessment: { controllable: false } }),
      manager,
      'collective-decision',
      meeting,
      'RISK_NOT_CONTROLLABLE',
    );
    expect(
      run(deciding({ ...reviewed, riskAssessment: { controllable: true } }), manager, 'collective-decision', meeting)
        .adoption,
    ).toBeDefined();
  });

  it('rejects a publication without an interpretation (三同步)', () => {
    const adopted = deciding({ adoption: { adoptedAt: iso(0), publicationDueAt: iso(20 * day), overdue: false } });
    const plan = {
      text: 't',
      adoptionExplanation: 'a',
      executionUnit: 'unit-a',
      milestones: [],
      evaluationDueAt: iso(365 * day),
    };
    refuse(adopted, drafter, 'publish-decision', plan, 'INTERPRETATION_REQUIRED');
    refuse(
      adopted,
      drafter,
      'publish-decision',
      { ...plan, interpretation: { plainLanguage: '  ' } },
      'INTERPRETATION_REQUIRED',
    );
  });

  it('publishes a confidential decision only with the public title and summary the reviewer approved (ADR 29)', () => {
    const adopted = deciding({
      confidential: true,
      adoption: { adoptedAt: iso(0), publicationDueAt: iso(20 * day), overdue: false },
    });
    const plan = {
      text: 't',
      interpretation: { plainLanguage: 'p' },
      executionUnit: 'unit-a',
      milestones: [],
      evaluationDueAt: iso(365 * day),
    };
    refuse(adopted, drafter, 'publish-decision', plan, 'FIELD_REQUIRED');
    refuse(adopted, drafter, 'publish-decision', { ...plan, publicTitle: '公开标题' }, 'FIELD_REQUIRED');
    const legacy = perform(findAction('publish-decision')!, adopted, plan, {
      actor: drafter,
      now,
      policy: DEFAULT_POLICY,
      legacy: { publicSummaryOptional: true },
    });
    expect(legacy.state.reviews![0]!.payload).not.toHaveProperty('publicTitle');
    const submitted = run(adopted, drafter, 'publish-decision', {
      ...plan,
      publicTitle: '公开标题',
      publicSummary: '公开摘要',
    });
    const step = perform(
      findAction('approve')!,
      submitted,
      { reviewId: submitted.reviews![0]!.id },
      { actor: reviewer, now, policy: DEFAULT_POLICY },
    );
    expect(step.events.public[0]).toMatchObject({
      type: 'DecisionPublished',
      data: { publicTitle: '公开标题', publicSummary: '公开摘要' },
    });
    expect(step.events.internal[0]).toMatchObject({
      type: 'PublicationApproved',
      data: { kind: 'decision', publicTitle: '公开标题', publicSummary: '公开摘要' },
    });
    const record = projectDecision(projectDecision(undefined, 'd1', registration), 'd1', step.events.internal[0]!);
    expect(record).toMatchObject({ title: '公开标题', summary: '公开摘要', publicVisible: true });
  });

  it('accepts accountability on a closed decision and refuses every other action there with ILLEGAL_TRANSITION', () => {
    const closed = { ...drafted(), stage: 'closed' as const };
    expect(run(closed, manager, 'accountability', { subject: '某局', measure: '通报', date: iso(0) }).stage).toBe(
      'closed',
    );
    refuse(closed, drafter, 'milestones', { milestones: [] }, 'ILLEGAL_TRANSITION');
    refuse(closed, manager, 'close', { reason: 'r' }, 'ILLEGAL_TRANSITION');
    refuse(closed, reviewer, 'approve', { reviewId: 'r1' }, 'ILLEGAL_TRANSITION');
  });

  it('rejects a review by the author of the submission (four-eyes)', () => {
    const evaluating = {
      ...drafted(),
      stage: 'evaluation' as const,
      evaluation: { evaluatorUnit: 'unit-b', startedAt: iso(0) },
    };
    const submitted = run(evaluating, manager, 'evaluation-report', { conclusion: 'continue', report: 'r' });
    refuse(submitted, manager, 'approve', { reviewId: submitted.reviews![0]!.id }, 'SELF_REVIEW');
    expect(run(submitted, reviewer, 'approve', { reviewId: submitted.reviews![0]!.id }).stage).toBe('execution');
  });

  it('rejects the drafting unit as evaluator (art.36)', () => {
    refuse(
      { ...drafted(), stage: 'execution' },
      manager,
      'evaluation',
      { evaluatorUnit: 'unit-a' },
      'EVALUATOR_IS_DRAFTING_UNIT',
    );
  });

  it("rejects an action from another unit's drafter", () => {
    refuse(registered(), otherDrafter, 'draft-versions', { draft: 'd', basis: 'b', explanation: 'e' }, 'OTHER_UNIT');
  });

  it('rejects an action in the wrong stage', () => {
    refuse(registered(), manager, 'extend', { closesAt: iso(40 * day), reason: 'r' }, 'ILLEGAL_TRANSITION');
    refuse(
      { ...drafted(), stage: 'execution' },
      drafter,
      'draft-versions',
      { draft: 'd', basis: 'b', explanation: 'e' },
      'ILLEGAL_TRANSITION',
    );
  });

  it('rejects an action from a role that may not perform it', () => {
    refuse(drafted(), drafter, 'shortened-consultation-approval', {}, 'ROLE_NOT_ALLOWED');
  });

  it('never lets a consultation close early', () => {
    const open = {
      ...drafted(),
      stage: 'consultation' as const,
      consultation: { opensAt: iso(0), closesAt: iso(30 * day), extensions: 0 },
    };
    refuse(open, manager, 'extend', { closesAt: iso(29 * day), reason: 'r' }, 'EXTENSION_NOT_LATER');
  });

  it('freezes the draft while it waits for review', () => {
    const planned = run(drafted(), drafter, 'consultation-plan', {
      channels: ['online'],
      opensAt: iso(day),
      closesAt: iso(40 * day),
    });
    const submitted = run(planned, drafter, 'submit-for-publication');
    refuse(submitted, drafter, 'draft-versions', { draft: 'd2', basis: 'b', explanation: 'e' }, 'REVIEW_PENDING');
  });
});
