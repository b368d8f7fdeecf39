import { addWorkingDays } from '../calendar/calendar';
import { calendarOf, countWorkingDays } from '../calendar/working-calendar';
import { defineAction, type ActionContext } from './decision-action';
import { fieldOf, parseAs, read } from './command-schema-kit';
import { COMMAND_SCHEMAS, MilestoneInputSchema, type CommandOf } from './command-schemas';
import type { DecisionState } from './decision-state';
import { DomainError, InvalidCommandError } from '../errors/errors';
import type { MilestoneInput } from './publications';
import { addReview } from './reviews';

const S = COMMAND_SCHEMAS;
import { changeStage } from './lifecycle';

export type RequestLegalityReview = CommandOf<'legality-review-request'>;

/** The legality reviewer is given at least 7 working days (art.26), on the official calendar. */
export const requestLegalityReview = defineAction({
  name: 'legality-review-request',
  roles: ['drafter'],
  stages: ['deciding'],
  summary: 'Ask for the legality review; the reviewer is given at least 7 working days.',
  decide(state, command, { now, policy }) {
    const minimum = addWorkingDays(now, policy.legalityReviewWorkingDays, calendarOf(state));
    const asked = read(S['legality-review-request'], command, 'dueAt');
    const dueAt = asked === undefined ? minimum : new Date(asked);
    if (dueAt < minimum) {
      throw new InvalidCommandError(
        'LEGALITY_REVIEW_TOO_SHORT',
        `The legality reviewer must be given at least ${policy.legalityReviewWorkingDays} working days (Decree 713 art.26): not before ${minimum.toISOString()}.`,
      );
    }
    const legalityReview = { dueAt: dueAt.toISOString() };
    return {
      state: { ...state, legalityReview },
      public: [],
      internal: { type: 'LegalityReviewRequested', data: legalityReview },
    };
  },
});

export type RecordLegalityReview = CommandOf<'legality-review'>;

export const recordLegalityReview = defineAction({
  name: 'legality-review',
  roles: ['reviewer'],
  stages: ['deciding'],
  summary: 'Record the legality review opinion: lawful, lawful with changes, or unlawful.',
  decide(state, command) {
    if (!state.legalityReview)
      throw new DomainError(
        'LEGALITY_REVIEW_NOT_REQUESTED',
        'conflict',
        'The drafting unit has not asked for a legality review.',
      );
    const opinion = read(S['legality-review'], command, 'opinion');
    const data = { opinion, text: read(S['legality-review'], command, 'text') };
    return {
      state: { ...state, legalityReview: { ...state.legalityReview, opinion } },
      public: [],
      internal: { type: 'LegalityReviewRecorded', data },
    };
  },
});

export type RecordCollectiveDecision = CommandOf<'collective-decision'>;

/**
 * The collective decision (art.30). None without a passing legality review (art.25) nor, when one is
 * required, a risk assessment (art.22); a risk judged not controllable cannot be adopted (art.24).
 */
export const recordCollectiveDecision = defineAction({
  name: 'collective-decision',
  roles: ['manager'],
  stages: ['deciding'],
  summary: 'Record the collective decision: adopted, rejected or returned, with dissent.',
  decide(state, command, { now, policy }) {
    if (state.adoption)
      throw new DomainError(
        'ALREADY_DECIDED',
        'conflict',
        'The collective decision is already recorded; publish the decision.',
      );
    const opinion = state.legalityReview?.opinion;
    if (opinion !== 'lawful' && opinion !== 'lawful_with_changes') {
      throw new DomainError(
        'LEGALITY_REVIEW_REQUIRED',
        'conflict',
        'No collective decision without a passing legality review (Decree 713 art.25).',
      );
    }
    if (state.riskAssessmentRequired && !state.riskAssessment) {
      throw new DomainError(
        'RISK_ASSESSMENT_REQUIRED',
        'conflict',
        'This decision requires a risk assessment before it is decided (Decree 713 art.22).',
      );
    }
    if (fieldOf(command, 'outcome') === 'adopted' && state.riskAssessment && !state.riskAssessment.controllable) {
      throw new DomainError(
        'RISK_NOT_CONTROLLABLE',
        'conflict',
        'The risk assessment found the risk not controllable: the decision cannot be adopted (Decree 713 art.24).',
      );
    }
    const schema = S['collective-decision'];
    const outcome = read(schema, command, 'outcome');
    const meeting = {
      meeting: read(schema, command, 'meeting'),
      date: new Date(read(schema, command, 'date')).toISOString(),
      outcome,
    };
    const dissent = fieldOf(command, 'dissent');
    const internal = {
      type: 'CollectiveDecisionRecorded',
      data: { ...meeting, dissent: dissent ?? null, reason: fieldOf(command, 'reason') ?? null },
    };
    const publicData = { ...meeting, dissentRecorded: typeof dissent === 'string' && dissent.trim().length > 0 };
    const visible = !state.confidential;
    if (outcome === 'adopted') {
      const { at, count } = countWorkingDays(now, policy.publicationDueWorkingDays, calendarOf(state));
      const adoption = {
        adoptedAt: now.toISOString(),
        publicationDueAt: at.toISOString(),
        overdue: false,
        ...(state.calendar ? { publicationCounted: count } : {}),
      };
      return {
        state: { ...state, adoption },
        public: visible
          ? [
              {
                type: 'DecisionAdopted',
                data: {
                  ...publicData,
                  publicationDueAt: adoption.publicationDueAt,
                  ...(state.calendar ? { publicationDueCount: count } : {}),
                },
              },
            ]
          : [],
        internal,
      };
    }
    if (outcome === 'rejected') {
      return {
        state: changeStage(state, 'collective-decision: rejected'),
        public: visible ? [{ type: 'DecisionRejected', data: publicData }] : [],
        internal,
      };
    }
    const reason = parseAs(schema.shape.reason.unwrap(), fieldOf(command, 'reason'), 'reason');
    const { plan: _p, consultation: _c, feedback: _f, legalityReview: _l, ...rest } = state;
    return {
      state: { ...changeStage(rest, 'collective-decision: returned'), rounds: (state.rounds ?? 0) + 1 },
      public: visible ? [{ type: 'DecisionReturned', data: { ...publicData, reason } }] : [],
      internal,
    };
  },
});

/** `publicTitle` and `publicSummary` are required for a confidential decision (ADR 29): what the public sees. */
export type PublishDecision = CommandOf<'publish-decision'>;

/** The milestones of a command, each field read through MilestoneInputSchema (weight first, as ever). */
export function validateMilestones(value: unknown): MilestoneInput[] {
  if (!Array.isArray(value)) throw new InvalidCommandError('FIELD_REQUIRED', 'milestones must be a list.');
  const M = MilestoneInputSchema;
  return value.map((m: unknown, index) => {
    const weight = read(M, m, 'weight', `milestones[${index}].weight`);
    return {
      title: read(M, m, 'title', `milestones[${index}].title`),
      unit: read(M, m, 'unit', `milestones[${index}].unit`),
      dueAt: new Date(read(M, m, 'dueAt', `milestones[${index}].dueAt`)).toISOString(),
      weight,
    };
  });
}

/**
 * Publication of the adopted decision, always together with its interpretation (三同步) and the
 * explanation of how opinions were adopted (art.32); reviewed before it is public.
 */
export const publishDecision = defineAction({
  name: 'publish-decision',
  roles: ['drafter'],
  stages: ['deciding'],
  summary: 'Submit the adopted decision with its interpretation, execution plan and evaluation date for publication.',
  decide(state, command, context) {
    if (!state.adoption) throw new DomainError('NOT_ADOPTED', 'conflict', 'Only an adopted decision is published.');
    const schema = S['publish-decision'];
    const interpretation = fieldOf(command, 'interpretation');
    const plainLanguage = fieldOf(interpretation, 'plainLanguage');
    if (!isFilled(plainLanguage)) {
      throw new InvalidCommandError(
        'INTERPRETATION_REQUIRED',
        'A decision is published together with its interpretation (政策解读, 三同步).',
      );
    }
    const adoptionExplanation = fieldOf(command, 'adoptionExplanation');
    if (!state.confidential && !isFilled(adoptionExplanation)) {
      throw new InvalidCommandError(
        'ADOPTION_EXPLANATION_REQUIRED',
        'Explain how public and expert opinions were adopted (Decree 713 art.32).',
      );
    }
    const payload = {
      text: read(schema, command, 'text'),
      interpretation: {
        plainLanguage: read(
          schema.shape.interpretation,
          interpretation,
          'plainLanguage',
          'interpretation.plainLanguage',
        ),
        qa: fieldOf(interpretation, 'qa') ?? [],
      },
      adoptionExplanation: adoptionExplanation ?? null,
      executionUnit: read(schema, command, 'executionUnit'),
      milestones: validateMilestones(fieldOf(command, 'milestones')),
      evaluationDueAt: new Date(read(schema, command, 'evaluationDueAt')).toISOString(),
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
function publicPresentation(
  state: DecisionState,
  command: unknown,
  context: ActionContext,
): { publicTitle?: string; publicSummary?: string } {
  if (!state.confidential) return {};
  const publicTitle = fieldOf(command, 'publicTitle');
  if (context.legacy?.publicSummaryOptional && publicTitle === undefined) return {};
  const { shape } = S['publish-decision'];
  return {
    publicTitle: parseAs(shape.publicTitle.unwrap(), publicTitle, 'publicTitle'),
    publicSummary: parseAs(shape.publicSummary.unwrap(), fieldOf(command, 'publicSummary'), 'publicSummary'),
  };
}

/** A text with more than blanks (the old `value?.trim()` test, without its crash on a non-text). */
function isFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}
