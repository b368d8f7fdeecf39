import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CalendarActivities } from './activities';
import { calendarChangedSignal, decisionWorkflowId, disclosureWorkflowId } from './definitions';

const { listOpenDecisions, listOpenDisclosureRequests } = proxyActivities<CalendarActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Decisions signalled per page; one page is one activity and this many signal commands. */
const PAGE = 200;

/** A run continues as new past this many history events, carrying how far it got. */
const MAX_RUN_HISTORY_EVENTS = 5_000;

export interface CalendarChangeInput {
  version: number;
  /** The last decision (or disclosure request, in that phase) id already signalled (continue-as-new). */
  after?: string;
  /** Decisions first, then open disclosure requests (issue 18); absent means decisions. */
  phase?: 'decisions' | 'disclosures';
}

/** Patch id: after the decisions, the fan-out signals the open disclosure requests' workflows too. */
const DISCLOSURE_CASES = 'calendar-change-disclosure-cases';

/**
 * The durable fan-out of one calendar change (ADR 23; workflow id `calendar-change:{taskQueue}:{version}`): walks the
 * open decisions of the read model in id order and signals each `calendarChanged`. A crash anywhere
 * resumes from the recorded history; a decision signalled twice applies the version once. A decision that
 * closed meanwhile has nothing left to move: its signal fails and is skipped. Every open decision gets the
 * calendar, as it counts any later working-day deadline on it; only those whose pending deadlines the
 * change moves get a log entry. Then the open disclosure requests, whose workflows recompute their
 * deadlines (nothing is logged for them: their due dates are never stored, ADR 67).
 */
export async function calendarChangeWorkflow({
  version,
  after = '',
  phase = 'decisions',
}: CalendarChangeInput): Promise<{ signalled: number }> {
  let signalled = 0;
  let cursor = after;
  let current = phase;
  for (;;) {
    const list = current === 'decisions' ? listOpenDecisions : listOpenDisclosureRequests;
    const workflowId = current === 'decisions' ? decisionWorkflowId : disclosureWorkflowId;
    const ids = await list({ after: cursor, limit: PAGE });
    if (ids.length === 0) {
      if (current === 'disclosures' || !patched(DISCLOSURE_CASES)) return { signalled };
      current = 'disclosures';
      cursor = '';
      continue;
    }
    const results = await Promise.allSettled(
      ids.map((id) => getExternalWorkflowHandle(workflowId(id)).signal(calendarChangedSignal, { version })),
    );
    signalled += results.filter((result) => result.status === 'fulfilled').length;
    cursor = ids[ids.length - 1]!;
    if (workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS)
      await continueAsNew<typeof calendarChangeWorkflow>({ version, after: cursor, phase: current });
  }
}
