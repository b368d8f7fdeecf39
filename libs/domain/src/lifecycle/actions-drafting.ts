import { daysBetween } from '../calendar/calendar';
import type { DecisionState } from './decision-state';
import { defineAction } from './decision-action';
import { fieldOf, read } from './command-schema-kit';
import { COMMAND_SCHEMAS, type CommandOf } from './command-schemas';
import { DomainError, IllegalTransitionError, InvalidCommandError } from '../errors/errors';

const S = COMMAND_SCHEMAS;
import { addReview } from './reviews';
import { changeStage } from './lifecycle';

/** While the draft waits for review it is frozen: the reviewer approves exactly what was submitted. */
function assertNoDraftReview(state: DecisionState): void {
  if ((state.reviews ?? []).some((review) => review.kind === 'draft')) {
    throw new DomainError(
      'REVIEW_PENDING',
      'conflict',
      'The draft is waiting for review; it can change after the reviewer returns it.',
    );
  }
}

export type SaveDraftVersion = CommandOf<'draft-versions'>;

/** Draft, basis and explanation are saved as versions; every version stays in the internal log. */
export const saveDraftVersion = defineAction({
  name: 'draft-versions',
  roles: ['drafter'],
  stages: ['drafting'],
  summary: 'Save a new version of the draft, its basis and the explanation.',
  decide(state, command) {
    assertNoDraftReview(state);
    const version = (state.draft?.version ?? 0) + 1;
    const schema = S['draft-versions'];
    const draft = {
      version,
      draft: read(schema, command, 'draft'),
      basis: read(schema, command, 'basis'),
      explanation: read(schema, command, 'explanation'),
    };
    return { state: { ...state, draft }, public: [], internal: { type: 'DraftVersionSaved', data: { ...draft } } };
  },
});

export type PlanConsultation = CommandOf<'consultation-plan'>;

/** The consultation plan; under `minConsultationDays` it needs a reason a manager approves (art.15). */
export const planConsultation = defineAction({
  name: 'consultation-plan',
  roles: ['drafter'],
  stages: ['drafting'],
  summary: 'Set the consultation channels and window (at least 30 days unless a manager approves a published reason).',
  decide(state, command, { now, policy }) {
    if (state.confidential)
      throw new IllegalTransitionError('A confidential decision has no public consultation (Decree 713 art.14).');
    assertNoDraftReview(state);
    const schema = S['consultation-plan'];
    const channels = read(schema, command, 'channels');
    const opensAt = new Date(read(schema, command, 'opensAt'));
    const closesAt = new Date(read(schema, command, 'closesAt'));
    if (closesAt <= opensAt) throw new InvalidCommandError('INVALID_WINDOW', 'closesAt must be after opensAt.');
    if (closesAt <= now) throw new InvalidCommandError('INVALID_WINDOW', 'closesAt must be in the future.');
    const shortenedReason = read(schema, command, 'shortenedReason')?.trim() || undefined;
    const days = daysBetween(opensAt, closesAt);
    if (days < policy.minConsultationDays && !shortenedReason) {
      throw new InvalidCommandError(
        'CONSULTATION_TOO_SHORT',
        `A consultation lasts at least ${policy.minConsultationDays} days (Decree 713 art.15); this one lasts ${Math.floor(days * 10) / 10}. Give a shortenedReason for a manager to approve.`,
      );
    }
    const plan = {
      channels: [...new Set(channels)],
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      shortenedReason: days < policy.minConsultationDays ? shortenedReason : undefined,
      shortenedApproved: false,
    };
    return { state: { ...state, plan }, public: [], internal: { type: 'ConsultationPlanned', data: { ...plan } } };
  },
});

/** A manager approves the reason for a consultation shorter than the legal minimum. */
export const approveShortening = defineAction({
  name: 'shortened-consultation-approval',
  roles: ['manager'],
  stages: ['drafting'],
  summary: 'Approve the reason for a consultation shorter than the minimum.',
  decide(state) {
    if (!state.plan?.shortenedReason)
      throw new IllegalTransitionError('The consultation plan is not shortened: there is nothing to approve.');
    return {
      state: { ...state, plan: { ...state.plan, shortenedApproved: true } },
      public: [],
      internal: { type: 'ShortenedConsultationApproved', data: { reason: state.plan.shortenedReason } },
    };
  },
});

/** Draft, basis, explanation and plan go to a reviewer; on approval they are published (pre-disclosure). */
export const submitForPublication = defineAction({
  name: 'submit-for-publication',
  roles: ['drafter'],
  stages: ['drafting'],
  summary: 'Send the draft and consultation plan to a reviewer for publication.',
  decide(state, _command, context) {
    if (state.confidential)
      throw new IllegalTransitionError('A confidential decision is not pre-disclosed; use submit-for-decision.');
    if (!state.draft) throw new DomainError('DRAFT_REQUIRED', 'conflict', 'Save a draft version first.');
    if (!state.plan) throw new DomainError('PLAN_REQUIRED', 'conflict', 'Set the consultation plan first.');
    if (state.plan.shortenedReason && !state.plan.shortenedApproved) {
      throw new DomainError(
        'SHORTENING_NOT_APPROVED',
        'conflict',
        'A manager must approve the shortened consultation first.',
      );
    }
    return addReview(state, 'draft', { version: state.draft.version }, context);
  },
});

/** A confidential decision goes from drafting straight to deciding (SPEC.md §3.8). */
export const submitForDecision = defineAction({
  name: 'submit-for-decision',
  roles: ['drafter'],
  stages: ['drafting'],
  summary: 'Move a confidential decision from drafting to deciding (it has no public consultation).',
  decide(state) {
    if (!state.confidential)
      throw new IllegalTransitionError('A public decision goes through pre-disclosure and consultation first.');
    if (!state.draft) throw new DomainError('DRAFT_REQUIRED', 'conflict', 'Save a draft version first.');
    return {
      state: changeStage(state, 'submit-for-decision'),
      public: [],
      internal: { type: 'SubmittedForDecision', data: { version: state.draft.version, stage: 'deciding' } },
    };
  },
});

export type RecordExpertOpinion = CommandOf<'expert-opinions'>;

/** Expert argumentation (art.19–21): written opinion and a declaration; an interested expert is excluded. */
export const recordExpertOpinion = defineAction({
  name: 'expert-opinions',
  roles: ['drafter'],
  stages: ['drafting', 'pre_disclosure', 'consultation', 'feedback', 'deciding'],
  summary: "Record an expert's written opinion with their conflict-of-interest declaration.",
  decide(state, command) {
    if (fieldOf(command, 'hasDirectInterest') === true) {
      throw new InvalidCommandError(
        'EXPERT_HAS_INTEREST',
        'An expert with a direct interest in the decision is excluded (Decree 713 art.21).',
      );
    }
    const schema = S['expert-opinions'];
    const data = {
      expert: read(schema, command, 'expert'),
      opinion: read(schema, command, 'opinion'),
      conflictOfInterestDeclaration: read(schema, command, 'conflictOfInterestDeclaration'),
    };
    return { state, public: [], internal: { type: 'ExpertOpinionRecorded', data } };
  },
});

export type RecordRiskAssessment = CommandOf<'risk-assessments'>;

/** Social-stability risk assessment (art.22–24). */
export const recordRiskAssessment = defineAction({
  name: 'risk-assessments',
  roles: ['drafter'],
  stages: ['drafting', 'pre_disclosure', 'consultation', 'feedback', 'deciding'],
  summary: 'Record the risk assessment report and its conclusion (controllable or not).',
  decide(state, command) {
    const schema = S['risk-assessments'];
    const conclusion = read(schema, command, 'conclusion');
    const data = {
      riskPoints: read(schema, command, 'riskPoints'),
      measures: read(schema, command, 'measures'),
      contingency: read(schema, command, 'contingency'),
      conclusion,
    };
    return {
      state: { ...state, riskAssessment: { controllable: conclusion === 'controllable' } },
      public: [],
      internal: { type: 'RiskAssessmentRecorded', data },
    };
  },
});
