import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CaseDeadline,
  CaseEvent,
  CaseState,
  DecisionState,
  DisclosureAction,
  DisclosureCommand,
  DisclosureSettings,
  Policy,
  RegisterDecision,
  StaffActor,
  WorkingCalendar,
} from '../libs/domain/src';

export const TASK_QUEUE = 'decisions';

/** Workflow id of a decision: `decision:{decisionId}` (DESIGN.md §3). */
export function decisionWorkflowId(decisionId: string): string {
  return `decision:${decisionId}`;
}

/** Workflow id of the transparency log's checkpoint schedule, one per task queue (ADR 55). */
export function transparencyCheckpointsWorkflowId(taskQueue: string): string {
  return `transparency-checkpoints:${taskQueue}`;
}

/** The e-mail outbox's sender (`notificationOutboxWorkflow`, ADR 94): one per task queue. */
export function notificationOutboxWorkflowId(taskQueue: string): string {
  return `notification-outbox:${taskQueue}`;
}

/** Input of `decisionWorkflow`. `state` is set when a run continues as new. */
export interface DecisionWorkflowInput {
  decisionId: string;
  state?: DecisionState;
  /** Fixed when the decision starts and carried across runs; default: the legal defaults. */
  policy?: Policy;
  /** Ids of recent updates sent with an Idempotency-Key, carried across runs (workflows/remembered-updates.ts). */
  appliedUpdates?: string[];
}

/** Every staff action carries the acting account, checked by the gateway's guard before it gets here. */
export interface StaffCommand<C> {
  actor: StaffActor;
  command: C;
}

export const registerUpdate = defineUpdate<DecisionState, [StaffCommand<RegisterDecision>]>('register');
export const getStateQuery = defineQuery<DecisionState>('getState');

/** The Update of a staff action of `ACTIONS` (libs/domain), named like the action. */
export function actionUpdate(name: string) {
  return defineUpdate<DecisionState, [StaffCommand<Record<string, unknown>>]>(name);
}

/**
 * An administrator changed the working-day calendar to `version` (ADR 23). The decision loads the
 * calendar (an activity result, so it is recorded) and recounts its pending working-day deadlines, once:
 * a version it has already applied is a no-op, so a re-delivery changes nothing.
 */
export const calendarChangedSignal = defineSignal<[{ version: number }]>('calendarChanged');

/**
 * Workflow id of the fan-out of one calendar change: starting it twice starts it once. The task queue is
 * part of it: version numbers are per database, and deployments (or test suites) may share a namespace.
 */
export function calendarChangeWorkflowId(taskQueue: string, version: number): string {
  return `calendar-change:${taskQueue}:${version}`;
}

/** Workflow id of a disclosure request's case: `disclosure:{requestId}` (one workflow per request, issue 18). */
export function disclosureWorkflowId(requestId: string): string {
  return `disclosure:${requestId}`;
}

/**
 * Input of `disclosureRequestWorkflow`. The gateway registers the request first (its row, the applicant
 * apart and the first case-log entry, `registerDisclosureRequest`), then starts the workflow with the
 * first event: no personal data enters Temporal's history. `carried` is set when a run continues as new.
 */
export interface DisclosureWorkflowInput {
  requestId: string;
  received: Extract<CaseEvent, { type: 'RequestReceived' }>;
  /** Fixed when the case starts; default `DEFAULT_DISCLOSURE_SETTINGS`. */
  settings?: DisclosureSettings;
  carried?: { state: CaseState; seq: number; calendar: WorkingCalendar; lastDate: string };
}

/** A disclosure case as its workflow answers: the folded state, the log's last seq and the pending deadlines. */
export interface DisclosureCaseView {
  requestId: string;
  seq: number;
  state: CaseState;
  deadlines: CaseDeadline[];
  /** Null until the run has loaded the calendar (its first step). */
  calendarVersion: number | null;
}

export const getDisclosureCaseQuery = defineQuery<DisclosureCaseView>('getDisclosureCase');

/** The Update of a staff command on a disclosure case, named like the action (`DISCLOSURE_ACTIONS`). */
export function disclosureUpdate<A extends DisclosureAction>(action: A) {
  return defineUpdate<DisclosureCaseView, [{ actor: StaffActor; command: DisclosureCommand<A> }]>(
    `disclosure:${action}`,
  );
}

/** Workflow id of an annual disclosure report's due date: `disclosure-report:{reportId}` (one per report, ADR 0119). */
export function annualReportWorkflowId(reportId: string): string {
  return `disclosure-report:${reportId}`;
}

/** Input of `annualReportWorkflow`: the report and its statutory due date (a Shanghai date, art.49). */
export interface AnnualReportWorkflowInput {
  reportId: string;
  dueDate: string;
}

/** Where a report's due-date workflow stands: its due date, the instant it turns overdue, what it saw. */
export interface AnnualReportDueView {
  reportId: string;
  dueDate: string;
  overdueAt: string;
  state: 'waiting' | 'overdue' | 'published';
}

export const getReportDueQuery = defineQuery<AnnualReportDueView>('getReportDue');
/** The gateway tells the run the report was published (after the publication committed): the run ends. */
export const reportPublishedSignal = defineSignal<[]>('reportPublished');
