import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisionWorkflowId } from '../../libs/temporal/src';
import { requiredEnv, TEST_ENV } from './env';

/** True when the run should (re)write the histories of test/replay/ (`RECORD_REPLAY_HISTORIES=1`). */
export const RECORDING = process.env['RECORD_REPLAY_HISTORIES'] === '1';

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
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${decisionWorkflowId(decisionId)}'` })) runs.push(execution.runId);
    runs.reverse();
    for (const [index, runId] of runs.entries()) {
      const history = await client.workflow.getHandle(decisionWorkflowId(decisionId), runId).fetchHistory();
      const suffix = index === 0 ? '' : `.run${index + 1}`;
      writeFileSync(join(__dirname, '..', 'replay', `${name}${suffix}.history.json`), historyToJSON(history));
    }
  } finally {
    await connection.close();
  }
}
