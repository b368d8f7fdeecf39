import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { calendarChangeWorkflowId } from '../../../workflows/definitions';

/**
 * Starts the fan-out of calendar version `version` (ADR 23), once: the workflow id is the version, so a
 * second start (a retried request, a second gateway) finds the first one and changes nothing.
 */
export async function startCalendarFanOut(client: Client, taskQueue: string, version: number): Promise<void> {
  try {
    await client.workflow.start('calendarChangeWorkflow', {
      workflowId: calendarChangeWorkflowId(taskQueue, version),
      taskQueue,
      args: [{ version }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
