import type { WorkingCalendar } from '../calendar/working-calendar';
import { replyClock } from './case-clock';
import type { CaseEvent } from './case-events';
import { foldCase } from './case-state';
import { OUTCOMES, type Outcome, type OutcomeRow } from './outcomes';
import { workingDaysBetween } from './working-dates';

/**
 * Public timeliness statistics of on-request disclosure (issue 18 item 7, ADR 0120): per unit and year,
 * computed only from case facts that carry no personal data, so that the published per-case rows let
 * anyone recompute the published statistics with this same function.
 */

/** One case as the open data publishes it: its unit and dates, its due date at reply, its outcome. */
export interface TimelinessCase {
  unit: string;
  receivedDate: string;
  /** The reply due date as it stood just before the case closed (pauses, extension, custom period), or null. */
  dueDate: string | null;
  closedDate: string | null;
  /** `reply` for a reply (art.36), `abandoned` for a lapsed correction or payment period. */
  closedBy: 'reply' | 'abandoned' | null;
  outcome: Outcome | null;
}

/**
 * A case's timeliness facts read from its log: receipt, closing step and the due date of the reply clock
 * folded from the steps before the closing one (null when it was not running, or the fold refuses the log
 * on today's calendar).
 */
export function timelinessCaseOf(
  unit: string,
  events: readonly CaseEvent[],
  calendar: WorkingCalendar,
): TimelinessCase {
  const received = events.find((e) => e.type === 'RequestReceived');
  const closingAt = events.findIndex((e) => e.type === 'Replied' || e.type === 'Abandoned');
  const closing = closingAt >= 0 ? events[closingAt] : undefined;
  const dueDate = dueDateBefore(closingAt >= 0 ? events.slice(0, closingAt) : events, calendar);
  return {
    unit,
    receivedDate: received?.date ?? '',
    dueDate,
    closedDate: closing?.date ?? null,
    closedBy: closing?.type === 'Replied' ? 'reply' : closing ? 'abandoned' : null,
    outcome: closing && (closing.type === 'Replied' || closing.type === 'Abandoned') ? closing.outcome : null,
  };
}

function dueDateBefore(events: readonly CaseEvent[], calendar: WorkingCalendar): string | null {
  try {
    const clock = replyClock(foldCase(events, calendar), calendar, { pauseWhileAwaitingPayment: true });
    return clock.status === 'running' ? clock.dueDate : null;
  } catch {
    return null;
  }
}

export type OutcomeGroup = OutcomeRow['group'];
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  'disclosed',
  'partly_disclosed',
  'withheld',
  'cannot_provide',
  'not_handled',
  'other',
];

export interface TimelinessStatistics {
  unit: string;
  year: number;
  /** Requests received in the year. */
  received: number;
  /** Requests answered by a reply in the year. */
  replied: number;
  /** Median working days from receipt to reply, over the year's replies (null without one). */
  medianWorkingDays: number | null;
  /** Replies given on or before their due date. */
  onTime: number;
  /** `onTime` / the year's replies whose due date is known (null without one). */
  onTimeShare: number | null;
  /** Cases closed in the year (replies and abandonments) by outcome group of Table 3. */
  outcomes: Record<OutcomeGroup, number>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The statistics of every unit and year that has a case received or closed in it, by unit then year. */
export function timelinessStatistics(
  cases: readonly TimelinessCase[],
  calendar: WorkingCalendar,
): TimelinessStatistics[] {
  const keys = new Set<string>();
  for (const c of cases) {
    if (c.receivedDate) keys.add(`${c.unit}\n${c.receivedDate.slice(0, 4)}`);
    if (c.closedDate) keys.add(`${c.unit}\n${c.closedDate.slice(0, 4)}`);
  }
  return [...keys]
    .map((key) => {
      const [unit, yearText] = key.split('\n') as [string, string];
      const ofUnit = cases.filter((c) => c.unit === unit);
      const replies = ofUnit.filter((c) => c.closedBy === 'reply' && c.closedDate!.startsWith(yearText));
      const dated = replies.filter((c) => c.dueDate !== null);
      const onTime = dated.filter((c) => c.closedDate! <= c.dueDate!).length;
      const outcomes = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<OutcomeGroup, number>;
      for (const c of ofUnit)
        if (c.outcome && c.closedDate?.startsWith(yearText)) outcomes[OUTCOMES[c.outcome].group] += 1;
      return {
        unit,
        year: Number(yearText),
        received: ofUnit.filter((c) => c.receivedDate.startsWith(yearText)).length,
        replied: replies.length,
        medianWorkingDays: median(replies.map((c) => workingDaysBetween(c.receivedDate, c.closedDate!, calendar))),
        onTime,
        onTimeShare: dated.length ? Math.round((onTime / dated.length) * 1000) / 1000 : null,
        outcomes,
      };
    })
    .sort((a, b) => (a.unit === b.unit ? b.year - a.year : a.unit < b.unit ? -1 : 1));
}
