import type { Client } from '@temporalio/client';
import { decisionWorkflowId } from '../../../workflows/definitions';

/**
 * What a decision's Temporal history says about who ran it. Workers keep the default identity
 * `<pid>@<host>`, so the history names the process that holds a workflow in its sticky cache.
 */
export async function lastWorkflowTaskPid(client: Client, decisionId: string): Promise<number> {
  const history = await client.workflow.getHandle(decisionWorkflowId(decisionId)).fetchHistory();
  const identity = [...(history.events ?? [])]
    .reverse()
    .find((event) => event.workflowTaskStartedEventAttributes?.identity)?.workflowTaskStartedEventAttributes?.identity;
  const pid = Number(identity?.split('@')[0]);
  if (!Number.isInteger(pid) || pid <= 0)
    throw new Error(`no worker identity in the history of ${decisionId}: ${identity}`);
  return pid;
}

/** Workflow tasks that timed out or failed in the histories of `ids`: a worker died (or erred) holding them. */
export async function interruptedWorkflowTasks(client: Client, ids: string[]): Promise<number> {
  let interrupted = 0;
  for (const id of ids) {
    const history = await client.workflow.getHandle(decisionWorkflowId(id)).fetchHistory();
    interrupted += (history.events ?? []).filter(
      (event) => event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes,
    ).length;
  }
  return interrupted;
}

/** The distinct worker process ids that ran workflow tasks of `ids`. */
export async function workflowTaskPids(client: Client, ids: string[]): Promise<Set<number>> {
  const pids = new Set<number>();
  for (const id of ids) {
    const history = await client.workflow.getHandle(decisionWorkflowId(id)).fetchHistory();
    for (const event of history.events ?? []) {
      const identity = event.workflowTaskStartedEventAttributes?.identity;
      if (identity) pids.add(Number(identity.split('@')[0]));
    }
  }
  return pids;
}
