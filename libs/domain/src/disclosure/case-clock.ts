import type { WorkingCalendar } from '../calendar/working-calendar';
import type { CaseState } from './case-events';
import { addWorkingDates, workingDaysBetween } from './working-dates';

/** Working days to reply (art.33 ¶1), the longest extension (¶2), the correction-notice window (art.30). */
export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** A third party's (art.32) and a co-producer's (art.34) period to answer. */
export const CONSULTATION_WORKING_DAYS = 15;
export const PAYMENT_WORKING_DAYS = 20;

/** Deployment settings of the clocks. */
export interface DisclosureSettings {
  /** Whether the reply clock stops from the fee notice to payment (109号 not confirmed on this: a setting). */
  pauseWhileAwaitingPayment: boolean;
  /**
   * Whether a reply is issued only from a draft another staff member approved, with its document's hash
   * (ADR 102). Not a deployment choice: the workflow sets it behind a patch, so cases replied before it
   * existed still fold; a fold of the log for display leaves it off.
   */
  reviewReplies?: boolean;
}

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = { pauseWhileAwaitingPayment: true };

/** Where the reply clock stands: its due date, or why it is not running. */
export type ReplyClock =
  | { status: 'running'; dueDate: string; pausedWorkingDays: number; periodWorkingDays: number }
  | { status: 'awaiting_correction'; correctionDueDate: string }
  | { status: 'paused'; reasons: Array<'consultation' | 'payment'> }
  | { status: 'stopped'; closedDate: string };

/** The last day a correction notice may go out: 7 working days from receipt (art.30). */
export function correctionNoticeDeadline(state: CaseState, calendar: WorkingCalendar): string {
  return addWorkingDates(state.receivedDate, CORRECTION_NOTICE_WORKING_DAYS, calendar);
}

/** The reply clock, recomputed from the case's dates and the calendar on every call (so calendar changes move it). */
export function replyClock(state: CaseState, calendar: WorkingCalendar, settings: DisclosureSettings): ReplyClock {
  if (state.closed) return { status: 'stopped', closedDate: state.closed.date };
  const { correction, fee } = state;
  if (correction && !correction.receivedDate)
    return {
      status: 'awaiting_correction',
      correctionDueDate: addWorkingDates(correction.requestedDate, correction.periodWorkingDays, calendar),
    };
  const reasons: Array<'consultation' | 'payment'> = [];
  if (state.consultations.some((c) => !c.endDate)) reasons.push('consultation');
  const payingPause = settings.pauseWhileAwaitingPayment && fee !== undefined;
  if (payingPause && !fee.paidDate) reasons.push('payment');
  if (reasons.length > 0) return { status: 'paused', reasons };
  const spans = state.consultations.map((c) => [c.startDate, c.endDate!] as const);
  if (payingPause) spans.push([fee.noticedDate, fee.paidDate!]);
  const pausedWorkingDays = spans.reduce((sum, [from, to]) => sum + workingDaysBetween(from, to, calendar), 0);
  const periodWorkingDays = state.customPeriod?.workingDays ?? REPLY_WORKING_DAYS + (state.extension?.workingDays ?? 0);
  const dueDate = addWorkingDates(state.clockStartDate, periodWorkingDays + pausedWorkingDays, calendar);
  return { status: 'running', dueDate, pausedWorkingDays, periodWorkingDays };
}

/** The day a consultation's period ends: 15 working days from the party's receipt of the letter. */
export function consultationDeadline(deliveredDate: string, calendar: WorkingCalendar): string {
  return addWorkingDates(deliveredDate, CONSULTATION_WORKING_DAYS, calendar);
}

/** The last day to pay: 20 working days from the day after the fee notice is received. */
export function paymentDeadline(noticedDate: string, calendar: WorkingCalendar): string {
  return addWorkingDates(noticedDate, PAYMENT_WORKING_DAYS, calendar);
}
