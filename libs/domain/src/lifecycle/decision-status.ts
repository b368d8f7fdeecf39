import type { DecisionState } from './decision-state';
import type { Stage } from './stages';
import type { DueCount } from '../calendar/working-calendar';

/** One dated obligation of a decision: what is due, by when, whether the public sees it. */
export interface DueItem {
  what:
    | 'consultation_opens'
    | 'consultation_closes'
    | 'review'
    | 'feedback'
    | 'legality_review'
    | 'publication'
    | 'milestone'
    | 'rectification'
    | 'evaluation';
  at: string;
  public: boolean;
  overdue: boolean;
  ref?: string;
  /** How a working-day due date was counted (ADR 23); absent on calendar-day and staff-set dates. */
  counted?: DueCount;
}

/**
 * The status snapshot every internal event carries after its step: the read models copy it, so a
 * rebuild from the log gives exactly what was maintained live.
 */
export interface DecisionStatus {
  stage: Stage;
  publicVisible: boolean;
  due: DueItem[];
  /** Weighted execution progress 0–100, or null before execution has milestones. */
  progress: number | null;
  nextDueAt: string | null;
  overdue: boolean;
}

export function weightedProgress(state: DecisionState): number | null {
  const milestones = state.milestones ?? [];
  const total = milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total === 0) return null;
  return Math.round((milestones.reduce((sum, m) => sum + m.weight * m.percent, 0) / total) * 10) / 10;
}

export function dueItems(state: DecisionState): DueItem[] {
  const items: DueItem[] = [];
  if (state.stage === 'pre_disclosure' && state.plan)
    items.push({ what: 'consultation_opens', at: state.plan.opensAt, public: true, overdue: false });
  if (state.stage === 'consultation' && state.consultation)
    items.push({ what: 'consultation_closes', at: state.consultation.closesAt, public: true, overdue: false });
  for (const review of state.reviews ?? [])
    items.push({
      what: 'review',
      at: review.dueAt,
      public: false,
      overdue: review.overdue,
      ref: review.id,
      ...(review.counted ? { counted: review.counted } : {}),
    });
  if (state.stage === 'feedback' && state.feedback)
    items.push({
      what: 'feedback',
      at: state.feedback.dueAt,
      public: true,
      overdue: state.feedback.overdue,
      ...(state.feedback.counted ? { counted: state.feedback.counted } : {}),
    });
  if (state.stage === 'deciding' && state.legalityReview && !state.legalityReview.opinion) {
    items.push({ what: 'legality_review', at: state.legalityReview.dueAt, public: false, overdue: false });
  }
  if (state.adoption && !state.published)
    items.push({
      what: 'publication',
      at: state.adoption.publicationDueAt,
      public: !state.confidential,
      overdue: state.adoption.overdue,
      ...(state.adoption.publicationCounted ? { counted: state.adoption.publicationCounted } : {}),
    });
  for (const m of state.milestones ?? [])
    if (m.percent < 100) items.push({ what: 'milestone', at: m.dueAt, public: true, overdue: m.overdue, ref: m.id });
  for (const f of state.findings ?? [])
    if (!f.rectified)
      items.push({ what: 'rectification', at: f.rectificationDueAt, public: true, overdue: f.overdue, ref: f.id });
  if (state.stage === 'execution' && state.evaluation?.dueAt && !state.evaluation.startedAt) {
    items.push({ what: 'evaluation', at: state.evaluation.dueAt, public: true, overdue: false });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

export function statusOf(state: DecisionState): DecisionStatus {
  const due = dueItems(state);
  return {
    stage: state.stage,
    publicVisible: !state.confidential || state.published !== undefined,
    due,
    progress: weightedProgress(state),
    nextDueAt: due.find((item) => !item.overdue)?.at ?? null,
    overdue: due.some((item) => item.overdue),
  };
}
