import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { NotificationActivities } from './activities';

const { sendNotifications } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['NO_SMTP'] },
});

/** Messages sent per activity call. */
const BATCH = 100;

/** A run continues as new past this many history events. */
const MAX_RUN_HISTORY_EVENTS = 1_000;

export interface NotificationOutboxInput {
  /** Seconds between two looks at an empty outbox. */
  intervalSeconds: number;
}

/**
 * Drains the e-mail outbox (ADR 94; workflow id `notification-outbox:{taskQueue}`, one per
 * deployment): a batch at a time while messages wait, then every interval. Messages are queued in the
 * database in the transactions that cause them, so this loop has no state of its own; an unreachable
 * SMTP server is retried with backoff by the activity's retry policy.
 */
export async function notificationOutboxWorkflow(input: NotificationOutboxInput): Promise<never> {
  for (;;) {
    const { more } = await sendNotifications({ limit: BATCH });
    if (workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS)
      await continueAsNew<typeof notificationOutboxWorkflow>(input);
    if (!more) await sleep(input.intervalSeconds * 1_000);
  }
}
