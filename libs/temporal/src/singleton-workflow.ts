import { Client, type ConnectionLike } from '@temporalio/client';

/**
 * Starts a workflow that runs once per task queue unless it runs already: whichever worker starts first
 * wins, the others find it (USE_EXISTING) and change nothing. Returns the run id of the one running.
 */
export async function ensureSingletonWorkflow(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  workflow: { type: string; id: string },
  intervalSeconds: number,
): Promise<string> {
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start(workflow.type, {
    workflowId: workflow.id,
    taskQueue,
    args: [{ intervalSeconds }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return handle.firstExecutionRunId;
}
