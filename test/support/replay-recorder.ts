import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisionWorkflowId } from '../../workflows/definitions';
import { requiredEnv, TEST_ENV } from './env';
import { eventually } from './eventually';

/** True when the run should (re)write the histories of test/replay/ (`RECORD_REPLAY_HISTORIES=1`). */
export const RECORDING = process.env['RECORD_REPLAY_HISTORIES'] === '1';

type History = Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;

/** The history once its last workflow task completed: a replay of one that ends mid-task never finishes. */
export async function settledHistory(handle: ReturnType<Client['workflow']['getHandle']>): Promise<History> {
  let history = await handle.fetchHistory();
  // At most ~5 s for the last task to complete; past that the history is taken as it is.
  await eventually(
    async () => {
      history = await handle.fetchHistory();
      const last = history.events?.at(-1);
      return Boolean(
        last?.workflowTaskCompletedEventAttributes ||
        last?.workflowExecutionContinuedAsNewEventAttributes ||
        last?.workflowExecutionCompletedEventAttributes ||
        last?.timerStartedEventAttributes,
      );
    },
    { timeoutMs: 5_000, intervalMs: 100, what: 'a settled history' },
  ).catch(() => undefined);
  return history;
}

/**
 * Writes the history of every run of a decision's workflow to `test/replay/<name>.history.json`
 * (`<name>.run2.history.json`, … for runs after continue-as-new). No-op unless RECORDING.
 */
export async function recordHistories(decisionId: string, name: string): Promise<void> {
  if (!RECORDING) return;
  const connection = await Connection.connect({ address: requiredEnv(TEST_ENV.temporalAddress) });
  try {
    const client = new Client({ connection });
    const runs: string[] = [];
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${decisionWorkflowId(decisionId)}'` }))
      runs.push(execution.runId);
    runs.reverse();
    for (const [index, runId] of runs.entries()) {
      const history = await settledHistory(client.workflow.getHandle(decisionWorkflowId(decisionId), runId));
      const suffix = index === 0 ? '' : `.run${index + 1}`;
      writeFileSync(join(__dirname, '..', 'replay', `${name}${suffix}.history.json`), historyToJSON(history));
    }
  } finally {
    await connection.close();
  }
}
