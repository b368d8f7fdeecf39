import { verifyChain } from '../../libs/domain/src';
import { findPublicTimeline, sha256Hex } from '../../libs/persistence/src';
import { decisionWorkflowId } from '../../workflows/definitions';
import { drafterA, newId } from '../support/decisions';
import { toExecution } from '../support/lifecycle-driver';
import { useWorkerFixture } from '../support/fixtures';

const REPORTS = 200;

describe('a decision with years of execution', () => {
  const fixture = useWorkerFixture('sqlite', 'long-life');

  it(`keeps each run's history small over ${REPORTS} reviewed progress reports, and the log gap-free`, async () => {
    const id = newId();
    const { client, dataSource, taskQueue } = fixture;
    const driver = await toExecution(client, taskQueue, id);
    for (let i = 1; i <= REPORTS; i += 1) {
      const submitted = await driver.act(drafterA, 'progress-reports', {
        milestoneId: 'm1',
        percent: Math.floor((i * 99) / REPORTS),
        narrative: `第 ${i} 次进展报告`,
      });
      await driver.approveLast(submitted);
    }
    const runs: Array<{ runId: string; historyLength: number }> = [];
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${decisionWorkflowId(id)}'` })) {
      runs.push({
        runId: execution.runId,
        historyLength:
          (await client.workflow.getHandle(decisionWorkflowId(id), execution.runId).fetchHistory()).events?.length ?? 0,
      });
    }
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.historyLength).toBeLessThan(2_600);
    const entries = (await findPublicTimeline(dataSource, id)) ?? [];
    expect(entries.filter((e) => e.type === 'ProgressReported')).toHaveLength(REPORTS);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, index) => index + 1));
    expect(verifyChain(id, entries, sha256Hex).ok).toBe(true);
  }, 240_000);
});
