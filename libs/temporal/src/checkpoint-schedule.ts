import { Client, type ConnectionLike } from '@temporalio/client';
import { transparencyCheckpointsWorkflowId } from '../../../workflows/definitions';

/**
 * Starts the transparency log's checkpoint schedule (ADR 55) unless it runs already: one workflow per
 * task queue, whichever worker starts first; the others find it (USE_EXISTING) and change nothing.
 * Returns the run id of the workflow running.
 */
export async function ensureCheckpointSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  intervalSeconds: number,
): Promise<string> {
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start('transparencyCheckpointWorkflow', {
    workflowId: transparencyCheckpointsWorkflowId(taskQueue),
    taskQueue,
    args: [{ intervalSeconds }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return handle.firstExecutionRunId;
}
