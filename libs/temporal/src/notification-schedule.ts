import { Client, type ConnectionLike } from '@temporalio/client';
import { notificationOutboxWorkflowId } from '../../../workflows/definitions';

/**
 * Starts the e-mail outbox's sender (ADR 94) unless it runs already: one workflow per task queue,
 * whichever worker with `SMTP_URL` starts first (USE_EXISTING). Returns the run id of the one running.
 */
export async function ensureNotificationSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  intervalSeconds: number,
): Promise<string> {
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start('notificationOutboxWorkflow', {
    workflowId: notificationOutboxWorkflowId(taskQueue),
    taskQueue,
    args: [{ intervalSeconds }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return handle.firstExecutionRunId;
}
