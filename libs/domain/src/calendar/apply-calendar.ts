import type { ActionContext, Outcome } from '../lifecycle/decision-action';
import type { DecisionState } from '../lifecycle/decision-state';
import { countWorkingDays, type DueCount, type WorkingCalendar } from './working-calendar';

/** A working-day deadline the new calendar moved. */
export interface Recomputation {
  deadline: 'feedback' | 'publication' | 'review';
  ref?: string;
  from: string;
  to: string;
  calendarVersion: number;
  provisional: boolean;
  sources: string[];
  /** How the new date was counted. */
  count: DueCount;
}

type Counted = { at: string; start: string; days: number; counted?: DueCount };

function recount(pending: Counted, calendar: WorkingCalendar): { dueAt: string; count: DueCount } {
  const { at, count } = countWorkingDays(
    new Date(pending.counted?.from ?? pending.start),
    pending.counted?.workingDays ?? pending.days,
    calendar,
  );
  return { dueAt: at.toISOString(), count };
}

/**
 * A newer working-day calendar reached the decision (ADR 23). Every pending working-day deadline is
 * recounted from where it started: the feedback due date, the publication due date, each review's due
 * date. A deadline that already passed (`overdue`) stays as it is: it fired and is never fired or undone
 * again. Calendar-day rules (consultation window, hearing notice) and staff-set dates do not move.
 * Returns undefined when the state has this version or a newer one already, so a re-delivery is a no-op.
 * A moved public deadline is a `DueDateRecomputed` public entry with the old and new date and the source.
 */
export function applyCalendar(
  state: DecisionState,
  calendar: WorkingCalendar,
  { policy }: ActionContext,
): Outcome | undefined {
  if (state.calendar && calendar.version <= state.calendar.version) return undefined;
  const moved: Recomputation[] = [];
  const move = (deadline: Recomputation['deadline'], pending: Counted, ref?: string) => {
    const { dueAt, count } = recount(pending, calendar);
    if (dueAt !== pending.at)
      moved.push({
        deadline,
        ...(ref ? { ref } : {}),
        from: pending.at,
        to: dueAt,
        calendarVersion: calendar.version,
        provisional: count.provisional,
        sources: count.sources,
        count,
      });
    return { dueAt, count };
  };
  let next: DecisionState = { ...state, calendar };
  const { feedback, adoption, consultation } = state;
  if (state.stage === 'feedback' && feedback && !feedback.overdue) {
    const { dueAt, count } = move('feedback', {
      at: feedback.dueAt,
      start: consultation?.closesAt ?? feedback.dueAt,
      days: policy.feedbackDueWorkingDays,
      counted: feedback.counted,
    });
    next = { ...next, feedback: { ...feedback, dueAt, counted: count } };
  }
  if (adoption && !state.published && !adoption.overdue) {
    const { dueAt, count } = move('publication', {
      at: adoption.publicationDueAt,
      start: adoption.adoptedAt,
      days: policy.publicationDueWorkingDays,
      counted: adoption.publicationCounted,
    });
    next = { ...next, adoption: { ...adoption, publicationDueAt: dueAt, publicationCounted: count } };
  }
  if (state.reviews?.some((review) => !review.overdue)) {
    const reviews = state.reviews.map((review) => {
      if (review.overdue) return review;
      const { dueAt, count } = move(
        'review',
        { at: review.dueAt, start: review.submittedAt, days: policy.reviewDueWorkingDays, counted: review.counted },
        review.id,
      );
      return { ...review, dueAt, counted: count };
    });
    next = { ...next, reviews };
  }
  const visible = (r: Recomputation) => r.deadline !== 'review' && !state.confidential;
  return {
    state: next,
    public: moved.filter(visible).map((r) => ({ type: 'DueDateRecomputed' as const, data: { ...r } })),
    internal: { type: 'CalendarApplied', data: { calendarVersion: calendar.version, recomputed: moved } },
  };
}
