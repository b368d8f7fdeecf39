import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  consultationDeadline,
  correctionNoticeDeadline,
  type DisclosureSettings,
  paymentDeadline,
  replyClock,
} from './case-clock';
import type { CaseState } from './case-events';
import { addWorkingDates } from './working-dates';

/**
 * What a case's workflow waits for: every pending deadline with the last day it allows. After that day
 * the workflow records the lapse (`Abandoned`, `ConsultationLapsed`) or marks the reply overdue (once: a
 * case marked overdue has no reply deadline left; the correction-notice window records nothing). Recomputed
 * from the state and the calendar, so a calendar change moves every one (ADR 67).
 */
export type CaseDeadline =
  | { kind: 'correction_notice'; lastDay: string }
  | { kind: 'correction_period'; lastDay: string }
  | { kind: 'consultation'; id: string; lastDay: string }
  | { kind: 'payment'; lastDay: string }
  | { kind: 'reply'; lastDay: string };

export function caseDeadlines(
  state: CaseState,
  calendar: WorkingCalendar,
  settings: DisclosureSettings,
): CaseDeadline[] {
  if (state.closed) return [];
  const deadlines: CaseDeadline[] = [];
  const { correction, fee } = state;
  if (!correction && state.stage !== 'handling')
    deadlines.push({ kind: 'correction_notice', lastDay: correctionNoticeDeadline(state, calendar) });
  if (correction && !correction.receivedDate)
    deadlines.push({
      kind: 'correction_period',
      lastDay: addWorkingDates(correction.requestedDate, correction.periodWorkingDays, calendar),
    });
  for (const c of state.consultations)
    if (!c.endDate)
      deadlines.push({ kind: 'consultation', id: c.id, lastDay: consultationDeadline(c.deliveredDate, calendar) });
  if (fee && !fee.paidDate) deadlines.push({ kind: 'payment', lastDay: paymentDeadline(fee.noticedDate, calendar) });
  const clock = replyClock(state, calendar, settings);
  if (clock.status === 'running' && !state.overdue) deadlines.push({ kind: 'reply', lastDay: clock.dueDate });
  return deadlines.sort((a, b) => a.lastDay.localeCompare(b.lastDay));
}
