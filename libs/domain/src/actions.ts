import { approveShortening, planConsultation, recordExpertOpinion, recordRiskAssessment, saveDraftVersion, submitForDecision, submitForPublication } from './actions-drafting';
import { extendConsultation, noticeHearing, recordChannel, submitFeedbackReport, withholdOpinion } from './actions-consultation';
import { publishDecision, recordCollectiveDecision, recordLegalityReview, requestLegalityReview } from './actions-deciding';
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
import type { DecisionAction } from './decision-action';

/**
 * Every staff action after registration (SPEC.md §3), by name. The name is the Workflow Update's name
 * and the last segment of `POST /api/v1/decisions/{id}/{name}`.
 */
export const ACTIONS: ReadonlyArray<DecisionAction<never>> = [
  saveDraftVersion,
  planConsultation,
  approveShortening,
  submitForPublication,
  submitForDecision,
  recordExpertOpinion,
  recordRiskAssessment,
  approve,
  returnSubmission,
  noticeHearing,
  recordChannel,
  extendConsultation,
  withholdOpinion,
  submitFeedbackReport,
  requestLegalityReview,
  recordLegalityReview,
  recordCollectiveDecision,
  publishDecision,
  addMilestones,
  reportProgress,
  recordAuditFinding,
  reportRectification,
  recordAccountability,
  startEvaluation,
  submitEvaluationReport,
  resumeExecution,
  closeDecision,
] as ReadonlyArray<DecisionAction<never>>;

export function findAction(name: string): DecisionAction<Record<string, unknown>> | undefined {
  const found: DecisionAction<never> | undefined = ACTIONS.find((action) => action.name === name);
  return found;
}
