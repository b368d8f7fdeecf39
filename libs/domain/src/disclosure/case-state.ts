import type { WorkingCalendar } from '../calendar/working-calendar';
import { DomainError, type ErrorCode, ForbiddenActionError, InvalidCommandError } from '../errors/errors';
import {
  consultationDeadline,
  correctionNoticeDeadline,
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureSettings,
  MAX_EXTENSION_WORKING_DAYS,
  paymentDeadline,
  replyClock,
} from './case-clock';
import type { CaseEvent, CaseState } from './case-events';
import { draftReply, issueReply, reviewReply } from './reply-review';
import { assertStageMove } from './stages';
import { addWorkingDates } from './working-dates';

export type { CaseState } from './case-events';

/** The shortest reason accepted for a custom period (art.35). */
export const MIN_CUSTOM_PERIOD_REASON_CHARS = 10;

/** Folds a case's events in order, refusing the first that breaks a rule of arts. 30–35 or 109号. */
export function foldCase(
  events: readonly CaseEvent[],
  calendar: WorkingCalendar,
  settings: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS,
): CaseState {
  const [first, ...rest] = events;
  if (first?.type !== 'RequestReceived') throw conflict('A case starts with the request received.');
  const start: CaseState = {
    stage: 'registration',
    receivedDate: first.date,
    clockStartDate: first.date,
    handlerId: first.handlerId,
    consultations: [],
  };
  return rest.reduce((state, event) => evolve(state, event, calendar, settings), start);
}

/** One step of the fold: the state after `event`, or a domain error with a `DISCLOSURE_*` code. */
export function evolve(
  state: CaseState,
  event: CaseEvent,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): CaseState {
  if (state.closed && event.type !== 'Archived') throw conflict('The case is closed.', 'DISCLOSURE_CASE_CLOSED');
  switch (event.type) {
    case 'RequestReceived':
      throw conflict('A case is received once.');
    case 'StageMoved':
      assertStageMove(state.stage, event.to);
      return { ...state, stage: event.to };
    case 'CorrectionRequested':
      return requestCorrection(state, event, calendar);
    case 'CorrectionReceived':
      if (!state.correction || state.correction.receivedDate)
        throw conflict('No correction is awaited.', 'DISCLOSURE_NO_CORRECTION_PENDING');
      return { ...state, correction: { ...state.correction, receivedDate: event.date }, clockStartDate: event.date };
    case 'ConsultationStarted':
      if (state.consultations.some((c) => c.id === event.id)) throw conflict(`Consultation ${event.id} exists.`);
      return {
        ...state,
        consultations: [
          ...state.consultations,
          { id: event.id, kind: event.kind, startDate: event.date, deliveredDate: event.deliveredDate },
        ],
      };
    case 'ConsultationAnswered':
    case 'ConsultationLapsed':
      return endConsultation(state, event, calendar);
    case 'ExtensionGranted':
      return grantExtension(state, event, calendar, settings);
    case 'CustomPeriodSet':
      if ([...event.reason.trim()].length < MIN_CUSTOM_PERIOD_REASON_CHARS)
        throw new InvalidCommandError(
          'DISCLOSURE_CUSTOM_PERIOD_REASON_REQUIRED',
          'A custom period states its reason (art.35).',
        );
      if (!Number.isInteger(event.workingDays) || event.workingDays <= 20)
        throw new InvalidCommandError(
          'DISCLOSURE_CUSTOM_PERIOD_INVALID',
          'A custom period is a whole number of working days above 20.',
        );
      return { ...state, customPeriod: { workingDays: event.workingDays, reason: event.reason.trim() } };
    case 'FeeNoticed':
      return noticeFee(state, event, calendar, settings);
    case 'FeePaid':
      if (!state.fee || state.fee.paidDate) throw conflict('No fee is awaited.', 'DISCLOSURE_NO_FEE_PENDING');
      return { ...state, fee: { ...state.fee, paidDate: event.date } };
    case 'ReplyDrafted':
      return draftReply(state, event);
    case 'ReplyReviewed':
      return reviewReply(state, event);
    case 'Replied':
      return issueReply(state, event, settings);
    case 'Abandoned':
      return abandon(state, event, calendar);
    case 'ReplyOverdue':
      return markOverdue(state, event, calendar, settings);
    case 'Archived':
      assertStageMove(state.stage, 'archive');
      return { ...state, stage: 'archive' };
  }
}

function requestCorrection(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'CorrectionRequested' }>,
  calendar: WorkingCalendar,
): CaseState {
  if (state.correction) throw conflict('A correction is asked for once only (art.30).', 'DISCLOSURE_CORRECTION_ONCE');
  const latest = correctionNoticeDeadline(state, calendar);
  if (event.date > latest)
    throw conflict(
      `The correction notice was due by ${latest} (art.30: 7 working days).`,
      'DISCLOSURE_CORRECTION_TOO_LATE',
    );
  if (!Number.isInteger(event.periodWorkingDays) || event.periodWorkingDays < 1)
    throw new InvalidCommandError(
      'DISCLOSURE_PERIOD_INVALID',
      'The correction period is a whole number of working days.',
    );
  const stage = state.stage === 'registration' ? 'review' : state.stage;
  return { ...state, stage, correction: { requestedDate: event.date, periodWorkingDays: event.periodWorkingDays } };
}

function endConsultation(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'ConsultationAnswered' | 'ConsultationLapsed' }>,
  calendar: WorkingCalendar,
): CaseState {
  const open = state.consultations.find((c) => c.id === event.id && !c.endDate);
  if (!open) throw conflict(`No open consultation ${event.id}.`, 'DISCLOSURE_NO_CONSULTATION_PENDING');
  const deadline = consultationDeadline(open.deliveredDate, calendar);
  if (event.type === 'ConsultationLapsed' && event.date <= deadline)
    throw conflict(`The consultation runs until ${deadline}.`, 'DISCLOSURE_PERIOD_NOT_LAPSED');
  // A lapse ends the pause on the last day of the period; silence is consent only for a co-producer (art.34).
  const ended =
    event.type === 'ConsultationAnswered'
      ? { endDate: event.date, consent: event.consent }
      : { endDate: deadline, consent: open.kind === 'co_producer' ? true : undefined };
  return { ...state, consultations: state.consultations.map((c) => (c === open ? { ...c, ...ended } : c)) };
}

function grantExtension(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'ExtensionGranted' }>,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): CaseState {
  if (state.extension) throw conflict('The reply period is extended once only (art.33).', 'DISCLOSURE_EXTENSION_ONCE');
  if (!Number.isInteger(event.workingDays) || event.workingDays < 1 || event.workingDays > MAX_EXTENSION_WORKING_DAYS)
    throw new InvalidCommandError('DISCLOSURE_EXTENSION_TOO_LONG', 'An extension is 1 to 20 working days (art.33).');
  if (event.approvedBy.role !== 'manager' || event.approvedBy.accountId === state.handlerId)
    throw new ForbiddenActionError(
      'DISCLOSURE_EXTENSION_APPROVER',
      'The head of the disclosure office approves an extension, not the handler (art.33).',
    );
  const clock = replyClock(state, calendar, settings);
  if (clock.status === 'running' && event.date > clock.dueDate)
    throw conflict(`The reply was due by ${clock.dueDate}; it cannot be extended after.`, 'DISCLOSURE_REPLY_OVERDUE');
  return {
    ...state,
    extension: { workingDays: event.workingDays, approverId: event.approvedBy.accountId, date: event.date },
  };
}

function noticeFee(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'FeeNoticed' }>,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): CaseState {
  if (state.fee) throw conflict('A fee is noticed once.', 'DISCLOSURE_FEE_ALREADY_NOTICED');
  const clock = replyClock(state, calendar, settings);
  if (clock.status === 'running' && event.date > clock.dueDate)
    throw conflict(
      `The fee notice goes out within the handling period (by ${clock.dueDate}).`,
      'DISCLOSURE_REPLY_OVERDUE',
    );
  return { ...state, fee: { noticedDate: event.date, amountYuan: event.amountYuan } };
}

function abandon(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'Abandoned' }>,
  calendar: WorkingCalendar,
): CaseState {
  const { correction, fee } = state;
  const pending =
    event.outcome === 'correction_lapsed'
      ? correction &&
        !correction.receivedDate &&
        addWorkingDates(correction.requestedDate, correction.periodWorkingDays, calendar)
      : fee && !fee.paidDate && paymentDeadline(fee.noticedDate, calendar);
  if (!pending) throw conflict('Nothing is awaited from the applicant.', 'DISCLOSURE_PERIOD_NOT_LAPSED');
  if (event.date <= pending) throw conflict(`The applicant has until ${pending}.`, 'DISCLOSURE_PERIOD_NOT_LAPSED');
  assertStageMove(state.stage, 'archive');
  return { ...state, stage: 'archive', closed: { date: event.date, outcome: event.outcome } };
}

function markOverdue(
  state: CaseState,
  event: Extract<CaseEvent, { type: 'ReplyOverdue' }>,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): CaseState {
  if (state.overdue) throw conflict('The reply is marked overdue once.');
  const clock = replyClock(state, calendar, settings);
  if (clock.status !== 'running' || event.date <= clock.dueDate)
    throw conflict('The reply is not overdue.', 'DISCLOSURE_PERIOD_NOT_LAPSED');
  return { ...state, overdue: { date: event.date, dueDate: event.dueDate } };
}

function conflict(message: string, code: ErrorCode = 'DISCLOSURE_ILLEGAL_EVENT'): DomainError {
  return new DomainError(code, 'conflict', message);
}
