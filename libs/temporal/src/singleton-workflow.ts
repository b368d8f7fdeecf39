import { Client, type ConnectionLike } from '@temporalio/client';
import { notificationOutboxWorkflowId, transparencyCheckpointsWorkflowId } from '../../../workflows/definitions';

/** Starts the task queue's one workflow of a kind unless it runs already; resolves with the run id of the one running. */
type EnsureSingleton = (
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  intervalSeconds: number,
) => Promise<string>;

/**
 * A workflow that runs once per task queue, on an interval: whichever worker starts it first wins, the others
 * find it (USE_EXISTING) and change nothing.
 */
function singletonWorkflow(type: string, idOf: (taskQueue: string) => string): EnsureSingleton {
  return async (connection, namespace, taskQueue, intervalSeconds) => {
    const client = new Client({ connection, namespace });
    const handle = await client.workflow.start(type, {
      workflowId: idOf(taskQueue),
      taskQueue,
      args: [{ intervalSeconds }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return handle.firstExecutionRunId;
  };
}

/** The transparency log's checkpoint schedule (ADR 55): every worker ensures it. */
export const ensureCheckpointSchedule = singletonWorkflow(
  'transparencyCheckpointWorkflow',
  transparencyCheckpointsWorkflowId,
);

/** The e-mail outbox's sender (ADR 94): ensured by the workers that have `SMTP_URL`. */
export const ensureNotificationSchedule = singletonWorkflow('notificationOutboxWorkflow', notificationOutboxWorkflowId);
