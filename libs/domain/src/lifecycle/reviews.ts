import { calendarOf, countWorkingDays } from '../calendar/working-calendar';
import type { DecisionState, PendingReview, ReviewKind } from './decision-state';
import type { ActionContext, Outcome } from './decision-action';
import { DomainError } from '../errors/errors';

/**
 * Puts content in the review queue (four-eyes: a reviewer who is not the submitter approves it before
 * it becomes public). The review is due `policy.reviewDueWorkingDays` working days later; an overdue
 * review is flagged to managers.
 */
export function addReview(
  state: DecisionState,
  kind: ReviewKind,
  payload: Record<string, unknown>,
  { actor, now, policy }: ActionContext,
): Outcome {
  if ((state.reviews ?? []).some((review) => review.kind === kind && kind !== 'progress')) {
    throw new DomainError('REVIEW_PENDING', 'conflict', `A ${kind} submission is already waiting for review.`);
  }
  const { at, count } = countWorkingDays(now, policy.reviewDueWorkingDays, calendarOf(state));
  const review: PendingReview = {
    id: `r${state.internalSeq + 1}`,
    kind,
    submittedBy: actor.accountId,
    submittedAt: now.toISOString(),
    dueAt: at.toISOString(),
    overdue: false,
    payload,
    ...(state.calendar ? { counted: count } : {}),
  };
  return {
    state: { ...state, reviews: [...(state.reviews ?? []), review] },
    public: [],
    internal: { type: 'PublicationSubmitted', data: { reviewId: review.id, kind, dueAt: review.dueAt, payload } },
  };
}

export function findReview(state: DecisionState, reviewId: unknown): PendingReview {
  const review = (state.reviews ?? []).find((r) => r.id === reviewId);
  if (!review)
    throw new DomainError('REVIEW_NOT_FOUND', 'not_found', `No submission ${String(reviewId)} is waiting for review.`);
  return review;
}

export function withoutReview(state: DecisionState, reviewId: string): DecisionState {
  return { ...state, reviews: (state.reviews ?? []).filter((r) => r.id !== reviewId) };
}
