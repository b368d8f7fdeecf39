import { defineAction, type ActionContext } from './decision-action';
import { fieldOf, read } from './command-schema-kit';
import { COMMAND_SCHEMAS, type CommandOf } from './command-schemas';
import type { DecisionState, PendingReview } from './decision-state';
import { ForbiddenActionError } from '../errors/errors';
import { publish } from './publications';
import { findReview, withoutReview } from './reviews';
import { STAGES } from './stages';
import { releaseAttachments } from './actions-attachments';

export type ReviewDecision = CommandOf<'return'>;

const reviewStages = STAGES.filter((stage) => stage !== 'closed');

/** The submission under review, unless the reviewer is its author (four-eyes). */
function reviewableBy(state: DecisionState, reviewId: unknown, context: ActionContext): PendingReview {
  const review = findReview(state, reviewId);
  if (review.submittedBy === context.actor.accountId) {
    throw new ForbiddenActionError('SELF_REVIEW', 'The author of a submission cannot review it (four-eyes principle).');
  }
  return review;
}

/** Four-eyes: the reviewer approves content before it becomes public, never their own. */
export const approve = defineAction({
  name: 'approve',
  roles: ['reviewer', 'manager'],
  stages: reviewStages,
  summary: 'Approve a submission for publication (never your own).',
  decide(state, command, context) {
    const review = reviewableBy(state, fieldOf(command, 'reviewId'), context);
    const published = publish(withoutReview(state, review.id), review, context);
    // The read model takes a confidential decision's public title and summary from here (ADR 29).
    const presentation =
      review.kind === 'decision' && state.confidential
        ? { publicTitle: review.payload['publicTitle'] ?? null, publicSummary: review.payload['publicSummary'] ?? null }
        : {};
    // Files attached while their target was not public yet become public with it (ADR 87).
    const released = releaseAttachments(published.state);
    return {
      state: released.state,
      public: [...published.public, ...released.public],
      internal: {
        type: 'PublicationApproved',
        data: { reviewId: review.id, kind: review.kind, stage: published.state.stage, ...presentation },
      },
    };
  },
});

/** The reviewer sends a submission back with a reason; nothing is published. */
export const returnSubmission = defineAction({
  name: 'return',
  roles: ['reviewer', 'manager'],
  stages: reviewStages,
  summary: 'Return a submission to its author with a reason.',
  decide(state, command, context) {
    const review = reviewableBy(state, fieldOf(command, 'reviewId'), context);
    const reason = read(COMMAND_SCHEMAS.return, command, 'reason');
    return {
      state: withoutReview(state, review.id),
      public: [],
      internal: { type: 'PublicationReturned', data: { reviewId: review.id, kind: review.kind, reason } },
    };
  },
});
