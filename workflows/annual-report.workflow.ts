import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { reportOverdueAt } from '../libs/domain/src';
import type { AnnualReportActivities } from './activities';
import {
  type AnnualReportDueView,
  type AnnualReportWorkflowInput,
  getReportDueQuery,
  reportPublishedSignal,
} from './definitions';

const { recordReportOverdue } = proxyActivities<AnnualReportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The durable due date of one annual report (issue 18 item 6, ADR 0119): the run sleeps until the first
 * instant after the statutory due date (31 January for a department, 31 March for a government's office,
 * Shanghai time) or until the report is published, whichever comes first. When the due date passed first,
 * the `recordReportOverdue` activity records the report overdue once (nothing when the publication raced
 * it). The run ends then: the report's state is in the database, which the console reads.
 */
export async function annualReportWorkflow(input: AnnualReportWorkflowInput): Promise<AnnualReportDueView['state']> {
  const overdueAt = reportOverdueAt(input.dueDate);
  let state: AnnualReportDueView['state'] = 'waiting';
  let published = false;
  setHandler(reportPublishedSignal, () => {
    published = true;
  });
  setHandler(getReportDueQuery, () => ({
    reportId: input.reportId,
    dueDate: input.dueDate,
    overdueAt: overdueAt.toISOString(),
    state,
  }));
  const wait = overdueAt.getTime() - Date.now();
  if (wait > 0 && (await condition(() => published, wait))) {
    state = 'published';
    return state;
  }
  if (published) {
    state = 'published';
    return state;
  }
  const outcome = await recordReportOverdue({ reportId: input.reportId });
  state = outcome.published ? 'published' : 'overdue';
  return state;
}
