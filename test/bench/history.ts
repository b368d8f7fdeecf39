import type { WorkflowHandle } from '@temporalio/client';
import { percentile } from './measure';

/**
 * Where a Temporal update's time goes, read from a workflow's recorded history (issue 15 item 5): how many
 * workflow tasks each update took, and how long the worker held the task that completed it (the server's
 * WorkflowTaskStarted → WorkflowTaskCompleted times: the activation(s), the local activities run inside the
 * task, the commands). `withActivity`: tasks that scheduled a (remote) activity are counted apart.
 */
export interface UpdateTasks {
  updates: number;
  /** Workflow tasks completed ÷ updates completed over the whole history. */
  tasksPerUpdate: number;
  /** Local-activity markers per update. */
  markersPerUpdate: number;
  /** p50 ms the worker held the workflow task that completed an update (no remote activity scheduled in it). */
  workerP50Ms: number;
  workerP99Ms: number;
}

const millis = (time: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
  Number(time?.seconds ?? 0) * 1000 + (time?.nanos ?? 0) / 1e6;

export async function updateTasks(handle: WorkflowHandle): Promise<UpdateTasks> {
  const history = await handle.fetchHistory();
  let started = 0;
  let taskMs: number | undefined;
  let tasks = 0;
  let updates = 0;
  let markers = 0;
  let inTask: { ms: number; update: boolean; activity: boolean } | undefined;
  const held: number[] = [];
  const close = (): void => {
    if (inTask?.update && !inTask.activity) held.push(inTask.ms);
    inTask = undefined;
  };
  for (const event of history.events ?? []) {
    if (event.workflowTaskStartedEventAttributes) started = millis(event.eventTime);
    else if (event.workflowTaskCompletedEventAttributes) {
      close();
      tasks += 1;
      taskMs = millis(event.eventTime) - started;
      inTask = { ms: taskMs, update: false, activity: false };
    } else if (event.workflowTaskScheduledEventAttributes) close();
    else if (event.workflowExecutionUpdateCompletedEventAttributes) {
      updates += 1;
      if (inTask) inTask.update = true;
    } else if (event.activityTaskScheduledEventAttributes && inTask) inTask.activity = true;
    else if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity') markers += 1;
  }
  close();
  const sorted = held.sort((a, b) => a - b);
  return {
    updates,
    tasksPerUpdate: updates ? tasks / updates : Number.NaN,
    markersPerUpdate: updates ? markers / updates : Number.NaN,
    workerP50Ms: percentile(sorted, 50),
    workerP99Ms: percentile(sorted, 99),
  };
}

export function formatUpdateTasks(label: string, tasks: UpdateTasks): string {
  return (
    `  ${label}: ${tasks.updates} updates, ${tasks.tasksPerUpdate.toFixed(2)} workflow tasks and ` +
    `${tasks.markersPerUpdate.toFixed(2)} local activities per update; the worker held the update's task ` +
    `p50 ${tasks.workerP50Ms.toFixed(2)} ms, p99 ${tasks.workerP99Ms.toFixed(2)} ms`
  );
}
