import { DomainError, ForbiddenActionError, InvalidCommandError } from '../errors/errors';
import type { DisclosureSettings } from './case-clock';
import type { CaseEvent, CaseState } from './case-events';
import { validateReply } from './reply';
import { assertStageMove } from './stages';

/** Who may approve a reply drafted by another (the decisions' reviewers and the office's head). */
export const REPLY_REVIEWER_ROLES = ['reviewer', 'manager'] as const;

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A reply drafted in handling (办理): the law's checks of `validateReply` (reasons, competent agency,
 * remedies). A new draft replaces the last one and its review.
 */
export function draftReply(state: CaseState, event: Extract<CaseEvent, { type: 'ReplyDrafted' }>): CaseState {
  if (state.stage !== 'handling')
    throw new DomainError('DISCLOSURE_ILLEGAL_STAGE', 'conflict', 'A reply is drafted while the request is handled.', {
      from: state.stage,
      to: 'reply',
    });
  validateReply(event);
  const { type: _type, ...draft } = event;
  return { ...state, replyDraft: draft };
}

/** The four-eyes review of the draft (ADR 102): by a reviewer or the head, never by its drafter. */
export function reviewReply(state: CaseState, event: Extract<CaseEvent, { type: 'ReplyReviewed' }>): CaseState {
  const draft = state.replyDraft;
  if (!draft || draft.review)
    throw new DomainError('DISCLOSURE_NO_DRAFT_PENDING', 'conflict', 'No reply draft is waiting for review.');
  if (event.reviewedBy.accountId === draft.draftedBy)
    throw new ForbiddenActionError('SELF_REVIEW', 'The drafter of a reply cannot approve it (four-eyes principle).');
  if (!(REPLY_REVIEWER_ROLES as readonly string[]).includes(event.reviewedBy.role))
    throw new ForbiddenActionError('ROLE_NOT_ALLOWED', 'A reviewer or the head of the office reviews a reply.');
  const review = {
    date: event.date,
    reviewerId: event.reviewedBy.accountId,
    approved: event.approved,
    ...(event.note ? { note: event.note } : {}),
  };
  return { ...state, replyDraft: { ...draft, review } };
}

/**
 * The reply issued. Under review (`settings.reviewReplies`), only the approved draft's outcome, with the
 * sha256 of the document sent: a reply nobody else approved is refused.
 */
export function issueReply(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'Replied' }>,
  settings: DisclosureSettings,
): CaseState {
  assertStageMove(state.stage, 'reply');
  if (settings.reviewReplies) {
    const draft = state.replyDraft;
    if (!draft?.review?.approved || draft.outcome !== event.outcome)
      throw new DomainError(
        'DISCLOSURE_REPLY_NOT_APPROVED',
        'conflict',
        'A reply is issued from a draft another staff member approved.',
      );
  }
  if (event.document && !SHA256.test(event.document.sha256))
    throw new InvalidCommandError('VALIDATION_FAILED', 'The reply document is named by its sha256 (hex).');
  if (settings.reviewReplies && !event.document)
    throw new DomainError('DISCLOSURE_REPLY_NOT_APPROVED', 'conflict', 'A reply is issued with its document.');
  return {
    ...state,
    stage: 'reply',
    closed: { date: event.date, outcome: event.outcome },
    ...(event.document ? { replyDocument: event.document } : {}),
  };
}
