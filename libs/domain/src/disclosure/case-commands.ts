import type { StaffActor } from '../accounts/actors';
import { endOfShanghaiDay } from '../calendar/calendar';
import { InvalidCommandError } from '../errors/errors';
import type { CaseDeadline } from './case-deadlines';
import type { CaseEvent, ConsultationKind, ReplyContent } from './case-events';
import type { Outcome } from './outcomes';

/**
 * The staff commands on a disclosure case, one Temporal update each (workflows/disclosure-request.workflow.ts).
 * Each becomes one case event; `foldCase`'s rules then accept or refuse it. `date` is the day the step
 * happened (a letter answered yesterday is recorded today); it defaults to today in Shanghai.
 */
export interface DisclosureCommands {
  'move-stage': { to: 'review' | 'handling' };
  'request-correction': { periodWorkingDays: number };
  'receive-correction': Record<never, never>;
  'start-consultation': { id: string; kind: ConsultationKind; deliveredDate: string };
  'answer-consultation': { id: string; consent: boolean };
  /** Sent by the head of the disclosure office who approves it; the applicant was notified on `notifiedDate`. */
  'grant-extension': { workingDays: number; notifiedDate: string };
  'set-custom-period': { workingDays: number; reason: string };
  'notice-fee': { amountYuan: number };
  'record-payment': Record<never, never>;
  /** The reply as drafted by the handler (ADR 102); the standard text of its outcome is added on issue. */
  'draft-reply': ReplyContent;
  /** Another staff member approves or returns the draft (four-eyes, ADR 102). */
  'review-reply': { approved: boolean; note?: string };
  /** Issues the reply; under review, the gateway sends the approved outcome and the document's sha256 (ADR 103). */
  reply: { outcome: Outcome; document?: { sha256: string } };
  archive: Record<never, never>;
}

export type DisclosureAction = keyof DisclosureCommands;

export type DisclosureCommand<A extends DisclosureAction = DisclosureAction> = DisclosureCommands[A] & {
  date?: string;
};

export const DISCLOSURE_ACTIONS: readonly DisclosureAction[] = [
  'move-stage',
  'request-correction',
  'receive-correction',
  'start-consultation',
  'answer-consultation',
  'grant-extension',
  'set-custom-period',
  'notice-fee',
  'record-payment',
  'reply',
  'archive',
  'draft-reply',
  'review-reply',
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The case event of a staff command, dated `command.date` or `today`. A date in the future, or before
 * the case's last recorded step (`lastDate`), is refused: the log stays in date order.
 */
export function disclosureCommandEvent(
  action: DisclosureAction,
  command: DisclosureCommand,
  actor: StaffActor,
  today: string,
  lastDate: string,
): CaseEvent {
  const date = command.date ?? today;
  if (!DATE.test(date) || date > today || date < lastDate)
    throw new InvalidCommandError(
      'DISCLOSURE_DATE_INVALID',
      `A step is dated between the case's last step (${lastDate}) and today (${today}).`,
    );
  switch (action) {
    case 'move-stage':
      return { type: 'StageMoved', date, to: (command as DisclosureCommand<'move-stage'>).to };
    case 'request-correction':
      return {
        type: 'CorrectionRequested',
        date,
        periodWorkingDays: (command as DisclosureCommand<'request-correction'>).periodWorkingDays,
      };
    case 'receive-correction':
      return { type: 'CorrectionReceived', date };
    case 'start-consultation': {
      const { id, kind, deliveredDate } = command as DisclosureCommand<'start-consultation'>;
      if (!DATE.test(deliveredDate) || deliveredDate < date || deliveredDate > today)
        throw new InvalidCommandError('DISCLOSURE_DATE_INVALID', 'The letter is delivered on or after it is sent.');
      return { type: 'ConsultationStarted', date, id, kind, deliveredDate };
    }
    case 'answer-consultation': {
      const { id, consent } = command as DisclosureCommand<'answer-consultation'>;
      return { type: 'ConsultationAnswered', date, id, consent };
    }
    case 'grant-extension': {
      const { workingDays, notifiedDate } = command as DisclosureCommand<'grant-extension'>;
      return {
        type: 'ExtensionGranted',
        date,
        workingDays,
        approvedBy: { accountId: actor.accountId, role: actor.role },
        notifiedDate,
      };
    }
    case 'set-custom-period': {
      const { workingDays, reason } = command as DisclosureCommand<'set-custom-period'>;
      return { type: 'CustomPeriodSet', date, workingDays, reason };
    }
    case 'notice-fee':
      return { type: 'FeeNoticed', date, amountYuan: (command as DisclosureCommand<'notice-fee'>).amountYuan };
    case 'record-payment':
      return { type: 'FeePaid', date };
    case 'reply': {
      const { outcome, document } = command as DisclosureCommand<'reply'>;
      return { type: 'Replied', date, outcome, ...(document ? { document: { sha256: document.sha256 } } : {}) };
    }
    case 'draft-reply':
      return { type: 'ReplyDrafted', date, draftedBy: actor.accountId, ...replyContent(command as ReplyContent) };
    case 'review-reply': {
      const { approved, note } = command as DisclosureCommand<'review-reply'>;
      return {
        type: 'ReplyReviewed',
        date,
        reviewedBy: { accountId: actor.accountId, role: actor.role },
        approved: approved === true,
        ...(note?.trim() ? { note: note.trim() } : {}),
      };
    }
    case 'archive':
      return { type: 'Archived', date };
  }
}

/** The reply content of a command, only the fields a reply has (the log keeps nothing else). */
function replyContent(command: ReplyContent): ReplyContent {
  const { outcome, reasons, competentAgency, competentAgencyKnown, remedyNotice } = command;
  return {
    outcome,
    ...(reasons?.trim() ? { reasons: reasons.trim() } : {}),
    ...(competentAgency?.name?.trim()
      ? {
          competentAgency: {
            name: competentAgency.name.trim(),
            ...(competentAgency.contact?.trim() ? { contact: competentAgency.contact.trim() } : {}),
          },
        }
      : {}),
    ...(competentAgencyKnown ? { competentAgencyKnown: true } : {}),
    remedyNotice: typeof remedyNotice === 'string' ? remedyNotice.trim() : '',
  };
}

/** The instant a deadline falls due: the first moment after its last day, in Shanghai. */
export function deadlineDueAt(deadline: CaseDeadline): number {
  return endOfShanghaiDay(deadline.lastDay).getTime() + 1;
}

/**
 * What the workflow records when `deadline` has passed, dated `today`: the lapse that closes the case
 * (correction or payment period), the consultation's lapse, or the reply overdue. The correction-notice
 * window records nothing: it only ends the handler's right to ask.
 */
export function deadlineEvent(deadline: CaseDeadline, today: string): CaseEvent | undefined {
  switch (deadline.kind) {
    case 'correction_notice':
      return undefined;
    case 'correction_period':
      return { type: 'Abandoned', date: today, outcome: 'correction_lapsed' };
    case 'payment':
      return { type: 'Abandoned', date: today, outcome: 'fee_unpaid' };
    case 'consultation':
      return { type: 'ConsultationLapsed', date: today, id: deadline.id };
    case 'reply':
      return { type: 'ReplyOverdue', date: today, dueDate: deadline.lastDay };
  }
}
