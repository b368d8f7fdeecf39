import {
  approveShortening,
  planConsultation,
  recordExpertOpinion,
  recordRiskAssessment,
  saveDraftVersion,
  submitForDecision,
  submitForPublication,
} from './actions-drafting';
import {
  extendConsultation,
  noticeHearing,
  recordChannel,
  submitFeedbackReport,
  withholdOpinion,
} from './actions-consultation';
import {
  publishDecision,
  recordCollectiveDecision,
  recordLegalityReview,
  requestLegalityReview,
} from './actions-deciding';
import {
  addMilestones,
  closeDecision,
  recordAccountability,
  recordAuditFinding,
  reportProgress,
  reportRectification,
  resumeExecution,
  startEvaluation,
  submitEvaluationReport,
} from './actions-execution';
import { approve, returnSubmission } from './actions-review';
import { attachFile } from './actions-attachments';
import { isActionName, type ActionName, type Command } from './command-schemas';
import { perform, type ActionContext, type DecisionAction } from './decision-action';
import type { DecisionState } from './decision-state';
import type { StaffActor } from '../accounts/actors';
import { DomainError } from '../errors/errors';

/**
 * The rule of every staff action after registration (SPEC.md §3), by name. The compiler refuses a name
 * of COMMAND_SCHEMAS without a rule here, and a rule filed under another action's name.
 */
export const ACTION_RULES: { readonly [N in ActionName]: DecisionAction<N> } = {
  'draft-versions': saveDraftVersion,
  'consultation-plan': planConsultation,
  'shortened-consultation-approval': approveShortening,
  'submit-for-publication': submitForPublication,
  'submit-for-decision': submitForDecision,
  'expert-opinions': recordExpertOpinion,
  'risk-assessments': recordRiskAssessment,
  approve,
  return: returnSubmission,
  hearings: noticeHearing,
  'channel-records': recordChannel,
  extend: extendConsultation,
  'withhold-opinion': withholdOpinion,
  'feedback-report': submitFeedbackReport,
  'legality-review-request': requestLegalityReview,
  'legality-review': recordLegalityReview,
  'collective-decision': recordCollectiveDecision,
  'publish-decision': publishDecision,
  milestones: addMilestones,
  'progress-reports': reportProgress,
  'audit-findings': recordAuditFinding,
  rectifications: reportRectification,
  accountability: recordAccountability,
  evaluation: startEvaluation,
  'evaluation-report': submitEvaluationReport,
  resume: resumeExecution,
  close: closeDecision,
  attachments: attachFile,
};

/** Every staff action, in lifecycle order. The name is the Workflow Update's name and the URL's last segment. */
export const ACTIONS: ReadonlyArray<DecisionAction> = Object.values(ACTION_RULES);

export function findAction(name: string): DecisionAction | undefined {
  return isActionName(name) ? ACTION_RULES[name] : undefined;
}

/** Checks and runs the staff action named `name` on the body as sent. Throws the DomainError of a refusal; pure. */
export function performAction(
  name: string,
  state: DecisionState,
  body: unknown,
  context: ActionContext & { actor: StaffActor },
) {
  const action = findAction(name);
  if (!action) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No action ${name}.`);
  return perform(action, state, body, context);
}

/** Checks and runs a typed command (a client that built it from COMMAND_SCHEMAS's types). */
export function decide(state: DecisionState, command: Command, context: ActionContext & { actor: StaffActor }) {
  return perform(ACTION_RULES[command.action], state, command.body, context);
}
