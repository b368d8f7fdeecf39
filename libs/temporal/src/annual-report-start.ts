import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  annualReportWorkflowId,
  type AnnualReportWorkflowInput,
  reportPublishedSignal,
} from '../../../workflows/definitions';

/**
 * Starts the due-date workflow of an annual report (ADR 0119), once: the workflow id is the report's, so a
 * second start (a retried opening) finds the first and changes nothing.
 */
export async function startAnnualReportClock(client: Client, taskQueue: string, input: AnnualReportWorkflowInput) {
  try {
    await client.workflow.start('annualReportWorkflow', {
      workflowId: annualReportWorkflowId(input.reportId),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/**
 * Tells the report's workflow it was published (after the publication committed). A run that already
 * ended (it recorded the report overdue) or never started needs nothing: the database has the record.
 */
export async function signalAnnualReportPublished(client: Client, reportId: string): Promise<void> {
  try {
    await client.workflow.getHandle(annualReportWorkflowId(reportId)).signal(reportPublishedSignal);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
