import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CaseEvent, DisclosureSettings } from '../../domain/src';
import { disclosureWorkflowId, type DisclosureWorkflowInput } from '../../../workflows/definitions';

/**
 * Starts the workflow of a registered disclosure request (issue 18, ADR 83), once: the workflow id is the
 * request's, so a second start (a retried registration) finds the first and changes nothing. Call it after
 * `registerDisclosureRequest` stored the request and its first log entry, with that entry's event.
 */
export async function startDisclosureCase(
  client: Client,
  taskQueue: string,
  requestId: string,
  received: Extract<CaseEvent, { type: 'RequestReceived' }>,
  settings?: DisclosureSettings,
): Promise<void> {
  const input: DisclosureWorkflowInput = { requestId, received, ...(settings ? { settings } : {}) };
  try {
    await client.workflow.start('disclosureRequestWorkflow', {
      workflowId: disclosureWorkflowId(requestId),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
