import type { InternalEventDraft } from '../log/internal-log';
import type { PublicEventDraft } from '../log/public-log';
import type { Stage } from './stages';
import type { DueCount, WorkingCalendar } from '../calendar/working-calendar';

/** Consultation channels (Decree 713 art.14; SPEC.md §3.2). */
export const CHANNELS = [
  'online',
  'hearing',
  'symposium',
  'field_visit',
  'written',
  'questionnaire',
  'expert',
  'media',
] as const;
export type Channel = (typeof CHANNELS)[number];

export interface DraftDocuments {
  version: number;
  draft: string;
  basis: string;
  explanation: string;
}

export interface ConsultationPlan {
  channels: Channel[];
  opensAt: string;
  closesAt: string;
  /** Required below `policy.minConsultationDays`; published in the notice once a manager approved it. */
  shortenedReason?: string;
  shortenedApproved: boolean;
}

/** What a reviewer approves before it becomes public (four-eyes, SPEC.md §3.2). */
export type ReviewKind = 'draft' | 'feedback' | 'decision' | 'progress' | 'evaluation';

export interface PendingReview {
  id: string;
  kind: ReviewKind;
  submittedBy: string;
  submittedAt: string;
  dueAt: string;
  overdue: boolean;
  payload: Record<string, unknown>;
  /** How `dueAt` was counted (runs with a calendar in their state, ADR 23). */
  counted?: DueCount;
}

export interface Hearing {
  id: string;
  date: string;
  place: string;
  held: boolean;
}

export interface Milestone {
  id: string;
  title: string;
  unit: string;
  dueAt: string;
  weight: number;
  percent: number;
  overdue: boolean;
}

export interface AuditFinding {
  id: string;
  rectificationDueAt: string;
  rectified: boolean;
  overdue: boolean;
}

/** An attached official file (issue 17 item 1): what the `AttachmentAdded` events carry. */
export interface AttachmentRecord {
  target: 'draft' | 'decision' | 'report';
  /** The draft version it belongs to (target `draft`). */
  version?: number;
  name: string;
  type: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * The process state a decision's workflow carries (and hands to its next run on continue-as-new).
 * `publicSeq`/`internalSeq` are the last seq written to each log; the next step numbers from them.
 * Optional parts appear as the decision reaches the stage that creates them.
 */
export interface DecisionState {
  decisionId: string;
  registered: boolean;
  stage: Stage;
  unit: string;
  title: string;
  confidential: boolean;
  riskAssessmentRequired: boolean;
  publicSeq: number;
  internalSeq: number;
  draft?: DraftDocuments;
  plan?: ConsultationPlan;
  consultation?: { opensAt: string; closesAt: string; extensions: number };
  hearings?: Hearing[];
  reviews?: PendingReview[];
  feedback?: { dueAt: string; overdue: boolean; counted?: DueCount };
  riskAssessment?: { controllable: boolean };
  legalityReview?: { dueAt: string; opinion?: 'lawful' | 'lawful_with_changes' | 'unlawful' };
  adoption?: { adoptedAt: string; publicationDueAt: string; overdue: boolean; publicationCounted?: DueCount };
  published?: { publishedAt: string; executionUnit: string };
  milestones?: Milestone[];
  findings?: AuditFinding[];
  /**
   * `opinionsCountedFrom`: execution-stage opinions count toward the next opinion-triggered evaluation
   * from this instant on (set when an evaluation concludes, so the same opinions do not trigger twice).
   */
  evaluation?: { dueAt?: string; startedAt?: string; evaluatorUnit?: string; opinionsCountedFrom?: string };
  /** Returned, adjusted or re-run: how many times the decision went back to an earlier stage. */
  rounds?: number;
  /**
   * The working-day calendar the run counts on, as recorded data (ADR 23): loaded by an activity when the
   * run starts, replaced when an administrator changes a year. Absent in runs from before: they count on
   * `FROZEN_CALENDAR`, which is what they counted on when they were recorded.
   */
  calendar?: WorkingCalendar;
  /** Attached files whose target is not public yet: published with the publication that makes it public. */
  pendingAttachments?: AttachmentRecord[];
}

/** What one step appends to the two logs. Sequence numbers are already assigned. */
export interface StepEvents {
  public: PublicEventDraft[];
  internal: InternalEventDraft[];
}

export function initialState(decisionId: string): DecisionState {
  return {
    decisionId,
    registered: false,
    stage: 'drafting',
    unit: '',
    title: '',
    confidential: false,
    riskAssessmentRequired: false,
    publicSeq: 0,
    internalSeq: 0,
  };
}

/** Advances the log counters past the events a step appended. */
export function afterAppend(state: DecisionState, events: StepEvents): DecisionState {
  return {
    ...state,
    publicSeq: state.publicSeq + events.public.length,
    internalSeq: state.internalSeq + events.internal.length,
  };
}
