/** Deployment settings with their legal defaults (SPEC.md §4). */
export interface Policy {
  minConsultationDays: number;
  hearingNoticeDays: number;
  legalityReviewWorkingDays: number;
  feedbackDueWorkingDays: number;
  publicationDueWorkingDays: number;
  concentratedMin: number;
  concentratedShare: number;
  evaluationTriggerOpinions: number;
  /** How often a decision in execution counts its recent opinions against the trigger (hours). */
  evaluationTriggerCheckHours: number;
  opinionMaxChars: number;
  reviewDueWorkingDays: number;
}

export const DEFAULT_POLICY: Policy = {
  minConsultationDays: 30,
  hearingNoticeDays: 7,
  legalityReviewWorkingDays: 7,
  feedbackDueWorkingDays: 20,
  publicationDueWorkingDays: 20,
  concentratedMin: 10,
  concentratedShare: 0.05,
  evaluationTriggerOpinions: 100,
  evaluationTriggerCheckHours: 24,
  opinionMaxChars: 5000,
  reviewDueWorkingDays: 5,
};
