import type { RetryPolicy } from '@temporalio/common';
import { continueAsNew, patched, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { TransparencyActivities } from './activities';

const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  nonRetryableErrorTypes: ['TREE_INCONSISTENT'],
};
/**
 * A checkpoint takes milliseconds (75 ms at one million leaves, docs/benchmarks.md), so a worker killed
 * inside `makeCheckpoint` is noticed, and the activity retried by another worker, after 15 s. A run
 * started before this patch replays with the one-minute timeout, and keeps it until it continues as new.
 */
const CHECKPOINT_TIMEOUT_PATCH = 'checkpoint-timeout-15s';
const quick = proxyActivities<TransparencyActivities>({ startToCloseTimeout: '15 seconds', retry });
const before = proxyActivities<TransparencyActivities>({ startToCloseTimeout: '1 minute', retry });

/** A run continues as new past this many history events. */
const MAX_RUN_HISTORY_EVENTS = 1_000;

export interface TransparencyCheckpointInput {
  /** Seconds between two checks of the tree; a checkpoint is signed only when the tree grew. */
  intervalSeconds: number;
}

/**
 * The transparency log's checkpoints on a schedule (ADR 55; workflow id
 * `transparency-checkpoints:{taskQueue}`, one per deployment): every interval, the activity signs and
 * stores a checkpoint if the tree grew, after checking it extends the previous one. A tree that does not
 * (TREE_INCONSISTENT) fails the workflow loudly instead of being signed; anything else is retried.
 */
export async function transparencyCheckpointWorkflow(input: TransparencyCheckpointInput): Promise<never> {
  for (;;) {
    await (patched(CHECKPOINT_TIMEOUT_PATCH) ? quick : before).makeCheckpoint({});
    if (workflowInfo().historyLength > MAX_RUN_HISTORY_EVENTS)
      await continueAsNew<typeof transparencyCheckpointWorkflow>(input);
    await sleep(input.intervalSeconds * 1_000);
  }
}
