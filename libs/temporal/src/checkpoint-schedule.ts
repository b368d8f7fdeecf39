import type { ConnectionLike } from '@temporalio/client';
import { transparencyCheckpointsWorkflowId } from '../../../workflows/definitions';
import { ensureSingletonWorkflow } from './singleton-workflow';

/**
 * Starts the transparency log's checkpoint schedule (ADR 55) unless it runs already: one workflow per
 * task queue, whichever worker starts first; the others find it (USE_EXISTING) and change nothing.
 * Returns the run id of the workflow running.
 */
export function ensureCheckpointSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  intervalSeconds: number,
): Promise<string> {
  return ensureSingletonWorkflow(
    connection,
    namespace,
    taskQueue,
    { type: 'transparencyCheckpointWorkflow', id: transparencyCheckpointsWorkflowId(taskQueue) },
    intervalSeconds,
  );
}
