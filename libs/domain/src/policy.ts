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
  opinionMaxChars: 5000,
  reviewDueWorkingDays: 5,
};
