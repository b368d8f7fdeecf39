import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { DecisionActivities } from './activities';

/** The activities of a decision's run and the patch ids its steps ask (workflows/decision-run.ts). */
const APPEND_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '30 seconds',
  nonRetryableErrorTypes: ['LogConflictError'],
};
const remote = proxyActivities<DecisionActivities>({ startToCloseTimeout: '30 seconds', retry: APPEND_RETRY });
export const local = proxyLocalActivities<DecisionActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: APPEND_RETRY,
});

/** Clustering a large consultation takes minutes: a regular activity with heartbeats. */
export const analysis = proxyActivities<DecisionActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Patch id: the consultation is sealed (window closed, counts frozen) before ConsultationClosed. */
export const SEAL_CONSULTATION = 'seal-consultation';

/** Patch id: the log append runs as a local activity (in the workflow task, no task-queue round trip). */
const APPEND_AS_LOCAL_ACTIVITY = 'append-events-as-local-activity';

/**
 * Appends one step's events. A local activity since the patch: the append is a short, idempotent
 * database transaction, and a round trip through the task queue cost ~90 ms per staff action
 * (docs/benchmarks.md). Runs recorded before the patch keep the regular activity.
 */
export function appendEvents(input: Parameters<DecisionActivities['appendEvents']>[0]): Promise<void> {
  return patched(APPEND_AS_LOCAL_ACTIVITY) ? local.appendEvents(input) : remote.appendEvents(input);
}

/**
 * Patch id: the run counts working days on a calendar recorded in its state (loaded by an activity when
 * the run starts, replaced on a calendar change), not on package data (ADR 23). Runs recorded before it
 * count on `FROZEN_CALENDAR` until a calendar change reaches them.
 */
export const WORKING_DAY_CALENDAR = 'working-day-calendar';

/**
 * Patch id: an update whose Idempotency-Key id this decision already applied (in an earlier run, before
 * a continue-as-new) answers the current state instead of being applied again.
 */
export const REMEMBER_KEYED_UPDATES = 'remember-keyed-updates';

/** Patch id: a confidential decision's publication carries the approved public title and summary (ADR 29). */
export const CONFIDENTIAL_PUBLIC_SUMMARY = 'confidential-public-summary';
