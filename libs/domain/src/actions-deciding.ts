import { addWorkingDays } from './calendar';
import { calendarOf, countWorkingDays } from './working-calendar';
import { defineAction, requireInstant, requireText, type ActionContext } from './decision-action';
import type { DecisionState } from './decision-state';
import { DomainError, InvalidCommandError } from './errors';
import type { MilestoneInput } from './publications';
import { addReview } from './reviews';

export interface RequestLegalityReview {
  dueAt?: string;
}

/** The legality reviewer is given at least 7 working days (art.26), on the official calendar. */
export const requestLegalityReview = defineAction<RequestLegalityReview>({
  name: 'legality-review-request',
  roles: ['drafter'],
  stages: ['deciding'],
  summary: 'Ask for the legality review; the reviewer is given at least 7 working days.',
  decide(state, command, { now, policy }) {
    const minimum = addWorkingDays(now, policy.legalityReviewWorkingDays, calendarOf(state));
    const dueAt = command.dueAt === undefined ? minimum : requireInstant(command.dueAt, 'dueAt');
    if (dueAt < minimum) {
      throw new InvalidCommandError(
        'LEGALITY_REVIEW_TOO_SHORT',
        `The legality reviewer must be given at least ${policy.legalityReviewWorkingDays} working days (Decree 713 art.26): not before ${minimum.toISOString()}.`,
      );
    }
    const legalityReview = { dueAt: dueAt.toISOString() };
    return { state: { ...state, legalityReview }, public: [], internal: { type: 'LegalityReviewRequested', data: legalityReview } };
  },
});

export interface RecordLegalityReview {
  opinion: 'lawful' | 'lawful_with_changes' | 'unlawful';
  text: string;
}

export const recordLegalityReview = defineAction<RecordLegalityReview>({
  name: 'legality-review',
  roles: ['reviewer'],
  stages: ['deciding'],
  summary: 'Record the legality review opinion: lawful, lawful with changes, or unlawful.',
  decide(state, command) {
    if (!state.legalityReview) throw new DomainError('LEGALITY_REVIEW_NOT_REQUESTED', 'conflict', 'The drafting unit has not asked for a legality review.');
    if (!['lawful', 'lawful_with_changes', 'unlawful'].includes(command.opinion)) {
      throw new InvalidCommandError('INVALID_OPINION', 'opinion must be lawful, lawful_with_changes or unlawful.');
    }
    const data = { opinion: command.opinion, text: requireText(command.text, 'text') };
    return { state: { ...state, legalityReview: { ...state.legalityReview, opinion: command.opinion } }, public: [], internal: { type: 'LegalityReviewRecorded', data } };
  },
});

export interface RecordCollectiveDecision {
  meeting: string;
  date: string;
  outcome: 'adopted' | 'rejected' | 'returned';
  dissent?: string;
  reason?: string;
}

/**
 * The collective decision (art.30). None without a passing legality review (art.25) nor, when one is
 * required, a risk assessment (art.22); a risk judged not controllable cannot be adopted (art.24).
 */
export const recordCollectiveDecision = defineAction<RecordCollectiveDecision>({
  name: 'collective-decision',
  roles: ['manager'],
  stages: ['deciding'],
  summary: 'Record the collective decision: adopted, rejected or returned, with dissent.',
  decide(state, command, { now, policy }) {
    if (state.adoption) throw new DomainError('ALREADY_DECIDED', 'conflict', 'The collective decision is already recorded; publish the decision.');
    const opinion = state.legalityReview?.opinion;
    if (opinion !== 'lawful' && opinion !== 'lawful_with_changes') {
      throw new DomainError('LEGALITY_REVIEW_REQUIRED', 'conflict', 'No collective decision without a passing legality review (Decree 713 art.25).');
    }
    if (state.riskAssessmentRequired && !state.riskAssessment) {
      throw new DomainError('RISK_ASSESSMENT_REQUIRED', 'conflict', 'This decision requires a risk assessment before it is decided (Decree 713 art.22).');
    }
    if (command.outcome === 'adopted' && state.riskAssessment && !state.riskAssessment.controllable) {
      throw new DomainError('RISK_NOT_CONTROLLABLE', 'conflict', 'The risk assessment found the risk not controllable: the decision cannot be adopted (Decree 713 art.24).');
    }
    if (!['adopted', 'rejected', 'returned'].includes(command.outcome)) throw new InvalidCommandError('INVALID_OUTCOME', 'outcome must be adopted, rejected or returned.');
    const meeting = { meeting: requireText(command.meeting, 'meeting', 500), date: requireInstant(command.date, 'date').toISOString(), outcome: command.outcome };
    const internal = { type: 'CollectiveDecisionRecorded', data: { ...meeting, dissent: command.dissent ?? null, reason: command.reason ?? null } };
    const publicData = { ...meeting, dissentRecorded: Boolean(command.dissent?.trim()) };
    const visible = !state.confidential;
    if (command.outcome === 'adopted') {
      const { at, count } = countWorkingDays(now, policy.publicationDueWorkingDays, calendarOf(state));
      const adoption = { adoptedAt: now.toISOString(), publicationDueAt: at.toISOString(), overdue: false, ...(state.calendar ? { publicationCounted: count } : {}) };
      return { state: { ...state, adoption }, public: visible ? [{ type: 'DecisionAdopted', data: { ...publicData, publicationDueAt: adoption.publicationDueAt, ...(state.calendar ? { publicationDueCount: count } : {}) } }] : [], internal };
    }
    if (command.outcome === 'rejected') {
      return { state: { ...state, stage: 'closed' }, public: visible ? [{ type: 'DecisionRejected', data: publicData }] : [], internal };
    }
    const reason = requireText(command.reason, 'reason', 5000);
    const { plan: _p, consultation: _c, feedback: _f, legalityReview: _l, ...rest } = state;
    return {
      state: { ...rest, stage: 'drafting', rounds: (state.rounds ?? 0) + 1 },
      public: visible ? [{ type: 'DecisionReturned', data: { ...publicData, reason } }] : [],
      internal,
    };
  },
});

export interface PublishDecision {
  text: string;
  interpretation: { plainLanguage: string; qa?: Array<{ question: string; answer: string }> };
  adoptionExplanation?: string;
  executionUnit: string;
  milestones: MilestoneInput[];
  evaluationDueAt: string;
  /** Required for a confidential decision (ADR 29): what the public sees as its title and summary. */
  publicTitle?: string;
  publicSummary?: string;
}

export function validateMilestones(value: unknown): MilestoneInput[] {
  if (!Array.isArray(value)) throw new InvalidCommandError('FIELD_REQUIRED', 'milestones must be a list.');
  return value.map((m: Partial<MilestoneInput>, index) => {
    const weight = Number(m.weight);
    if (!Number.isFinite(weight) || weight <= 0) throw new InvalidCommandError('INVALID_WEIGHT', `milestones[${index}].weight must be a positive number.`);
    return { title: requireText(m.title, `milestones[${index}].title`, 500), unit: requireText(m.unit, `milestones[${index}].unit`, 64), dueAt: requireInstant(m.dueAt, `milestones[${index}].dueAt`).toISOString(), weight };
  });
}

/**
 * Publication of the adopted decision, always together with its interpretation (三同步) and the
 * explanation of how opinions were adopted (art.32); reviewed before it is public.
 */
export const publishDecision = defineAction<PublishDecision>({
  name: 'publish-decision',
  roles: ['drafter'],
  stages: ['deciding'],
  summary: 'Submit the adopted decision with its interpretation, execution plan and evaluation date for publication.',
  decide(state, command, context) {
    if (!state.adoption) throw new DomainError('NOT_ADOPTED', 'conflict', 'Only an adopted decision is published.');
    if (!command.interpretation?.plainLanguage?.trim()) {
      throw new InvalidCommandError('INTERPRETATION_REQUIRED', 'A decision is published together with its interpretation (政策解读, 三同步).');
    }
    if (!state.confidential && !command.adoptionExplanation?.trim()) {
      throw new InvalidCommandError('ADOPTION_EXPLANATION_REQUIRED', 'Explain how public and expert opinions were adopted (Decree 713 art.32).');
    }
    const payload = {
      text: requireText(command.text, 'text'),
      interpretation: { plainLanguage: requireText(command.interpretation.plainLanguage, 'interpretation.plainLanguage'), qa: command.interpretation.qa ?? [] },
      adoptionExplanation: command.adoptionExplanation ?? null,
      executionUnit: requireText(command.executionUnit, 'executionUnit', 64),
      milestones: validateMilestones(command.milestones),
      evaluationDueAt: requireInstant(command.evaluationDueAt, 'evaluationDueAt').toISOString(),
      ...publicPresentation(state, command, context),
    };
    return addReview(state, 'decision', payload, context);
  },
});

/**
 * A confidential decision's title and summary were written under confidentiality and are never shown:
 * its publication names the public title and summary, which the reviewer approves with the text (SPEC.md
 * §3.8, ADR 29). A public decision's registration title and summary are public already.
 */
function publicPresentation(state: DecisionState, command: PublishDecision, context: ActionContext): { publicTitle?: string; publicSummary?: string } {
  if (!state.confidential) return {};
  if (context.legacy?.publicSummaryOptional && command.publicTitle === undefined) return {};
  return { publicTitle: requireText(command.publicTitle, 'publicTitle', 200), publicSummary: requireText(command.publicSummary, 'publicSummary', 2000) };
}
