import type { Role } from '../accounts/actors';
import type { IntakeChannel } from './intake';
import type { Outcome } from './outcomes';
import type { DisclosureStage } from './stages';

/**
 * The facts of a request's case, as its log records them. Every date is a Shanghai calendar date
 * (`YYYY-MM-DD`); the clocks are computed from these and the calendar, never stored (ADR 0067).
 * Past-tense names: these are events; `foldCase` refuses one the rules do not allow.
 */
export type ConsultationKind = 'third_party' | 'co_producer';

export type CaseEvent =
  | { type: 'RequestReceived'; date: string; channel: IntakeChannel; handlerId: string }
  | { type: 'StageMoved'; date: string; to: 'review' | 'handling' }
  | { type: 'CorrectionRequested'; date: string; periodWorkingDays: number }
  | { type: 'CorrectionReceived'; date: string }
  /** The letter reached the consulted party on `deliveredDate`; its 15 working days count from there. */
  | { type: 'ConsultationStarted'; date: string; id: string; kind: ConsultationKind; deliveredDate: string }
  | { type: 'ConsultationAnswered'; date: string; id: string; consent: boolean }
  /** The consulted party's period ran out; a co-producer's silence is consent (art.34). */
  | { type: 'ConsultationLapsed'; date: string; id: string }
  | {
      type: 'ExtensionGranted';
      date: string;
      workingDays: number;
      approvedBy: { accountId: string; role: Role };
      notifiedDate: string;
    }
  | { type: 'CustomPeriodSet'; date: string; workingDays: number; reason: string }
  | { type: 'FeeNoticed'; date: string; amountYuan: number }
  | { type: 'FeePaid'; date: string }
  /** A reply drafted by `draftedBy` (checked by `validateReply`); a later draft replaces it (ADR 102). */
  | ({ type: 'ReplyDrafted'; date: string; draftedBy: string } & ReplyContent)
  /** The draft approved or returned by a staff member who did not draft it (four-eyes, ADR 102). */
  | {
      type: 'ReplyReviewed';
      date: string;
      reviewedBy: { accountId: string; role: Role };
      approved: boolean;
      note?: string;
    }
  /** The reply issued; `document` is the sha256 of the reply document sent to the applicant (ADR 103). */
  | { type: 'Replied'; date: string; outcome: Outcome; document?: { sha256: string } }
  | { type: 'Abandoned'; date: string; outcome: 'correction_lapsed' | 'fee_unpaid' }
  /** The reply due date `dueDate` passed without a reply; recorded once per case (the workflow's timer). */
  | { type: 'ReplyOverdue'; date: string; dueDate: string }
  | { type: 'Archived'; date: string };

export type CaseEventType = CaseEvent['type'];

/** What a reply says beyond its standard text: the reasons, the competent agency (art.36(5)), the remedies (art.51). */
export interface ReplyContent {
  outcome: Outcome;
  reasons?: string;
  competentAgency?: { name: string; contact?: string };
  competentAgencyKnown?: boolean;
  remedyNotice: string;
}

/** The reply being prepared, and its review once given. */
export interface ReplyDraftState extends ReplyContent {
  date: string;
  draftedBy: string;
  review?: { date: string; reviewerId: string; approved: boolean; note?: string };
}

/** A request's case folded from its events (ADR 0067). Dates only: every due date is computed on demand. */
export interface CaseState {
  stage: DisclosureStage;
  receivedDate: string;
  /** Receipt, or the day the corrected request arrived (art.30: the clock restarts then). */
  clockStartDate: string;
  handlerId: string;
  correction?: { requestedDate: string; periodWorkingDays: number; receivedDate?: string };
  consultations: Array<{
    id: string;
    kind: ConsultationKind;
    startDate: string;
    deliveredDate: string;
    endDate?: string;
    consent?: boolean;
  }>;
  extension?: { workingDays: number; approverId: string; date: string };
  customPeriod?: { workingDays: number; reason: string };
  fee?: { noticedDate: string; amountYuan: number; paidDate?: string };
  closed?: { date: string; outcome: Outcome };
  replyDraft?: ReplyDraftState;
  /** The issued reply document's sha256, as the log recorded it. */
  replyDocument?: { sha256: string };
  /** The reply was not given by its due date; the case stays open until replied. */
  overdue?: { date: string; dueDate: string };
}
