import type { WorkingCalendar } from '../calendar/working-calendar';
import { type DisclosureSettings, type ReplyClock, replyClock } from './case-clock';
import type { CaseState, ConsultationKind } from './case-events';
import type { Outcome } from './outcomes';
import type { DisclosureStage } from './stages';

/**
 * A case as its applicant sees it on the lookup (issue 18): the stage, the clock and every pause or
 * extension with its dates, and the outcome once replied. Nothing about staff: no handler, no approver,
 * no consulted party's identity. Computed from the folded log and the current calendar, never stored.
 */
export interface ApplicantCaseView {
  stage: DisclosureStage;
  receivedDate: string;
  clockStartDate: string;
  clock: ReplyClock;
  correction?: { requestedDate: string; periodWorkingDays: number; receivedDate?: string };
  pauses: Array<{ kind: ConsultationKind | 'payment'; startDate: string; endDate?: string }>;
  extension?: { workingDays: number; date: string };
  customPeriod?: { workingDays: number; reason: string };
  fee?: { amountYuan: number; noticedDate: string; paidDate?: string };
  overdue?: { date: string; dueDate: string };
  closed?: { date: string; outcome: Outcome };
}

export function applicantCaseView(
  state: CaseState,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): ApplicantCaseView {
  const pauses: ApplicantCaseView['pauses'] = state.consultations.map((c) => ({
    kind: c.kind,
    startDate: c.startDate,
    ...(c.endDate ? { endDate: c.endDate } : {}),
  }));
  if (state.fee && settings.pauseWhileAwaitingPayment)
    pauses.push({
      kind: 'payment',
      startDate: state.fee.noticedDate,
      ...(state.fee.paidDate ? { endDate: state.fee.paidDate } : {}),
    });
  return {
    stage: state.stage,
    receivedDate: state.receivedDate,
    clockStartDate: state.clockStartDate,
    clock: replyClock(state, calendar, settings),
    pauses,
    ...(state.correction ? { correction: { ...state.correction } } : {}),
    ...(state.extension ? { extension: { workingDays: state.extension.workingDays, date: state.extension.date } } : {}),
    ...(state.customPeriod ? { customPeriod: { ...state.customPeriod } } : {}),
    ...(state.fee ? { fee: { ...state.fee } } : {}),
    ...(state.overdue ? { overdue: { ...state.overdue } } : {}),
    ...(state.closed ? { closed: { ...state.closed } } : {}),
  };
}
