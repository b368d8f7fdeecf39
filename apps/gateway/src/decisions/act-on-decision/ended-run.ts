import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { DecisionState } from '../../../../../libs/domain/src';
import {
  actionUpdate,
  decisionWorkflowId,
  getStateQuery,
  type DecisionWorkflowInput,
  type StaffCommand,
} from '../../../../../workflows/definitions';

/** Whether an Update failed because the decision's workflow has no running run (it ended, or never was). */
export function isNoRunningRun(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError;
}

/** An ended run's last state and what operators saw of it (memo, static summary and details; ADR 108). */
interface EndedRun {
  state: DecisionState;
  memo?: Record<string, unknown>;
  staticSummary?: string;
  staticDetails?: string;
}

/**
 * The last state of a decision's ended run, when that run ended in `closed`: its `getState` query
 * still answers while the history is kept (namespace retention). Undefined for an unknown workflow, a
 * run that is running again, or one that ended in another stage (an operator ended it on purpose).
 */
async function closedStateOfEndedRun(client: Client, decisionId: string): Promise<EndedRun | undefined> {
  const handle = client.workflow.getHandle(decisionWorkflowId(decisionId));
  try {
    const description = await handle.describe();
    if (description.status.name === 'RUNNING') return undefined;
    const state = await handle.query(getStateQuery);
    if (!state.registered || state.stage !== 'closed') return undefined;
    const [staticSummary, staticDetails] = await Promise.all([
      description.staticSummary(),
      description.staticDetails(),
    ]);
    return { state, memo: description.memo, staticSummary, staticDetails };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/**
 * A closed decision whose run ended before closed decisions kept their run (ADR 28): starts a new run
 * from the ended run's last state and sends the action to it in the same round trip (Update-With-Start;
 * a concurrent second start uses the first). The new run stays in `closed`, so later actions find it.
 * `updateId` is the request's Idempotency-Key scope, as for a running run (ADR 26).
 * Undefined when the decision has no such ended run; the caller then answers as before.
 */
export async function actOnEndedClosedRun(
  client: Client,
  taskQueue: string,
  decisionId: string,
  actionName: string,
  args: StaffCommand<Record<string, unknown>>,
  updateId?: string,
): Promise<DecisionState | undefined> {
  const ended = await closedStateOfEndedRun(client, decisionId);
  if (!ended) return undefined;
  const { state, memo, staticSummary, staticDetails } = ended;
  const input: DecisionWorkflowInput = { decisionId, state };
  const start = new WithStartWorkflowOperation('decisionWorkflow', {
    workflowId: decisionWorkflowId(decisionId),
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    ...(memo ? { memo } : {}),
    ...(staticSummary ? { staticSummary } : {}),
    ...(staticDetails ? { staticDetails } : {}),
  });
  return client.workflow.executeUpdateWithStart(actionUpdate(actionName), {
    args: [args],
    startWorkflowOperation: start,
    ...(updateId ? { updateId } : {}),
  });
}
