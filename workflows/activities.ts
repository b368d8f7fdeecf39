import type {
  CaseEvent,
  ConsultationCounts,
  DisclosureOutcome,
  DisclosureStage,
  StepEvents,
  WorkingCalendar,
} from '../libs/domain/src';

/** Input of `appendEvents`: one step's events for one decision, seqs assigned by the workflow. */
export interface AppendEventsInput extends StepEvents {
  decisionId: string;
}

/**
 * The activities the decision workflow needs. Implemented in `apps/worker`.
 *
 * `appendEvents` is idempotent on (decisionId, seq) for both logs: a retry that finds its entries
 * stored succeeds; a different entry under the same seq fails non-retryably with `LogConflictError`.
 * It updates the read models in the same transaction.
 */
export interface DecisionActivities {
  appendEvents(input: AppendEventsInput): Promise<void>;
  /**
   * Seals the consultation at its close time: nothing is accepted after it, every receipted opinion is
   * inside it, and the counts are frozen. Idempotent: a retry returns the counts frozen the first time.
   */
  sealConsultation(input: { decisionId: string }): Promise<ConsultationCounts>;
  /**
   * Groups the sealed round's opinions into clusters in the database (near-duplicates, then topics),
   * streaming; heartbeats between pages. Safe to retry.
   */
  clusterOpinions(input: { decisionId: string }): Promise<ClusteringSummary>;
  /** Execution-stage opinions of the decision received at or after `since` (the evaluation trigger). */
  countExecutionOpinions(input: { decisionId: string; since: string }): Promise<number>;
  /**
   * The deployment's current working-day calendar (ADR 23): the recorded years from last year on, and a
   * provisional year for each of the next years nobody entered yet. Its result is the calendar's only
   * way into a workflow, so a replay sees exactly what the run saw.
   */
  loadCalendar(input: Record<string, never>): Promise<WorkingCalendar>;
}

/** The activities of the calendar fan-out (`calendarChangeWorkflow`). */
export interface CalendarActivities {
  /** Registered decisions that are not closed, ordered by id, after `after` (exclusive), at most `limit`. */
  listOpenDecisions(input: { after: string; limit: number }): Promise<string[]>;
  /** Disclosure requests not closed, ordered by id, after `after` (exclusive), at most `limit`. */
  listOpenDisclosureRequests(input: { after: string; limit: number }): Promise<string[]>;
}

/** Input of `appendCaseLog`: one step of a disclosure case, its seq assigned by the workflow. */
export interface AppendCaseStepInput {
  requestId: string;
  seq: number;
  occurredAt: string;
  actor: Record<string, unknown>;
  event: CaseEvent;
  /** Where the case stands after the step, for the read model `disclosure_requests`. */
  stage: DisclosureStage;
  outcome?: DisclosureOutcome;
  closedDate?: string;
}

/**
 * The activities of a disclosure request's workflow (`disclosureRequestWorkflow`). Implemented in
 * `apps/worker`. `appendCaseStep` is idempotent on (requestId, seq): a retry that finds its entry stored
 * succeeds; a different entry under the same seq fails non-retryably with `LogConflictError`.
 */
export interface DisclosureActivities {
  appendCaseStep(input: AppendCaseStepInput): Promise<void>;
  /** The deployment's working-day calendar, as for decisions (`DecisionActivities.loadCalendar`). */
  loadCalendar(input: Record<string, never>): Promise<WorkingCalendar>;
}

/** What a clustering run found. */
export interface ClusteringSummary {
  opinions: number;
  clusters: number;
  concentrated: number;
}

/** The activity of the transparency log's checkpoint schedule (`transparencyCheckpointWorkflow`). */
export interface TransparencyActivities {
  /**
   * Signs and stores a checkpoint of the whole tree when it grew since the last one; returns its size,
   * or null when the tree did not grow. Fails non-retryably with TREE_INCONSISTENT when the tree does
   * not extend the last checkpoint. Safe to retry.
   */
  makeCheckpoint(input: Record<string, never>): Promise<{ size: number } | null>;
}

/** What one `sendNotifications` call did. */
export interface SendNotificationsResult {
  sent: number;
  cancelled: number;
  failed: number;
  /** True when the batch stopped at its limit: more messages may be waiting. */
  more: boolean;
}

/** The activity of the e-mail outbox (`notificationOutboxWorkflow`, ADR 94). Implemented in `apps/worker`. */
export interface NotificationActivities {
  /**
   * Sends up to `limit` queued messages through SMTP, each claimed before and settled after it is
   * sent, so a retry sends none twice. Fails (retryably) when the SMTP server cannot be reached, the
   * message queued again; non-retryably with NO_SMTP on a worker without `SMTP_URL`.
   */
  sendNotifications(input: { limit: number }): Promise<SendNotificationsResult>;
}

/** The activity of an annual report's due-date workflow (`annualReportWorkflow`, ADR 0119). */
export interface AnnualReportActivities {
  /**
   * The due date passed: records the report overdue once, unless it is published (then says so).
   * Safe to retry: a second call records nothing.
   */
  recordReportOverdue(input: { reportId: string }): Promise<{ published: boolean; recorded: boolean }>;
}
