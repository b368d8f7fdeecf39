import type { InternalEventDraft } from '../log/internal-log';
import type { DecisionStatus, DueItem } from './decision-status';
import type { Stage } from './stages';

/**
 * The read model of one decision: what lists, pages and the managers' view read. It is a pure fold of
 * the internal log (`projectDecision`), so a rebuild from the log equals what was maintained live.
 */
export interface DecisionRecord {
  id: string;
  title: string;
  summary: string;
  unit: string;
  category: string;
  confidential: boolean;
  /** Whether anything of the decision may appear on a public surface (SPEC.md §3.8). */
  publicVisible: boolean;
  riskAssessmentRequired: boolean;
  stage: Stage;
  plannedDates: Record<string, string>;
  registeredAt: string;
  updatedAt: string;
  /** Last internal seq folded in; a rebuild resumes from here. */
  lastInternalSeq: number;
  /** What is due, by when, and what is overdue (public and internal items). */
  due: DueItem[];
  nextDueAt: string | null;
  overdue: boolean;
  /** Weighted execution progress 0–100, null before execution. */
  progress: number | null;
}

function str(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : '';
}

/** Folds one internal-log event into the decision's read model. Unknown events only touch `updatedAt`. */
export function projectDecision(
  current: DecisionRecord | undefined,
  decisionId: string,
  event: InternalEventDraft,
): DecisionRecord | undefined {
  if (event.type === 'DecisionRegistered') {
    const confidential = event.data['confidential'] === true;
    return {
      id: decisionId,
      title: str(event.data, 'title'),
      summary: str(event.data, 'summary'),
      unit: str(event.data, 'unit'),
      category: str(event.data, 'category'),
      confidential,
      publicVisible: !confidential,
      riskAssessmentRequired: event.data['riskAssessmentRequired'] === true,
      stage: 'drafting',
      plannedDates: (event.data['plannedDates'] as Record<string, string> | undefined) ?? {},
      registeredAt: event.occurredAt,
      updatedAt: event.occurredAt,
      lastInternalSeq: event.seq,
      due: [],
      nextDueAt: null,
      overdue: false,
      progress: null,
    };
  }
  if (!current) return undefined;
  const status = event.data['status'] as DecisionStatus | undefined;
  const next = {
    ...current,
    ...publicPresentation(current, event),
    updatedAt: event.occurredAt,
    lastInternalSeq: event.seq,
  };
  if (!status) return next;
  return {
    ...next,
    stage: status.stage,
    publicVisible: status.publicVisible,
    due: status.due,
    nextDueAt: status.nextDueAt,
    overdue: status.overdue,
    progress: status.progress,
  };
}

/**
 * A confidential decision's title and summary were written under confidentiality: when its publication
 * is approved, the read model (which every public surface reads) takes the approved public title and
 * summary instead. One approved before they existed keeps its title and shows no summary (ADR 29).
 */
function publicPresentation(
  current: DecisionRecord,
  event: InternalEventDraft,
): Partial<Pick<DecisionRecord, 'title' | 'summary'>> {
  if (!current.confidential || event.type !== 'PublicationApproved' || event.data['kind'] !== 'decision') return {};
  const title = event.data['publicTitle'];
  return { ...(typeof title === 'string' ? { title } : {}), summary: str(event.data, 'publicSummary') };
}
