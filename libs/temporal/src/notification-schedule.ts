import type { ConnectionLike } from '@temporalio/client';
import { notificationOutboxWorkflowId } from '../../../workflows/definitions';
import { ensureSingletonWorkflow } from './singleton-workflow';

/**
 * Starts the e-mail outbox's sender (ADR 94) unless it runs already: one workflow per task queue,
 * whichever worker with `SMTP_URL` starts first (USE_EXISTING). Returns the run id of the one running.
 */
export function ensureNotificationSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  intervalSeconds: number,
): Promise<string> {
  return ensureSingletonWorkflow(
    connection,
    namespace,
    taskQueue,
    { type: 'notificationOutboxWorkflow', id: notificationOutboxWorkflowId(taskQueue) },
    intervalSeconds,
  );
}
