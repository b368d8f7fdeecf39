import { WithStartWorkflowOperation } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DecisionState } from '../../libs/domain/src';
import {
  actionUpdate,
  decisionWorkflowId,
  getStateQuery,
  registerUpdate,
  type DecisionWorkflowInput,
} from '../../workflows/definitions';
import { databaseKinds } from '../support/databases';
import { aRegistration, drafterA, newId } from '../support/decisions';
import { useWorkerFixture } from '../support/fixtures';
import { RECORDING, settledHistory } from '../support/replay-recorder';

const draft = (text: string): Record<string, unknown> => ({ draft: text, basis: '依据', explanation: '说明' });

async function draftsLogged(dataSource: DataSource, decisionId: string): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT data FROM internal_events WHERE decision_id = '${decisionId}' AND type = 'DraftVersionSaved' ORDER BY seq`,
  )) as Array<{ data: string }>;
  return rows.map((row) => (JSON.parse(row.data) as { draft: string }).draft);
}

/**
 * Issue 12: an Idempotency-Key becomes the Temporal update id. Temporal answers a repeated id with the
 * original outcome within one run only, so the workflow carries the recent keyed ids into the next run.
 */
describe.each(databaseKinds())('keyed updates of the decision workflow on %s', (kind) => {
  const fixture = useWorkerFixture(kind, `keyed-${kind}`);

  it('answers a retried register (same update id, same reserved decision id) with the original registration', async () => {
    const { client, taskQueue, dataSource } = fixture;
    const id = newId();
    const register = (): Promise<DecisionState> =>
      client.workflow.executeUpdateWithStart(registerUpdate, {
        args: [{ actor: drafterA, command: aRegistration() }],
        updateId: `${drafterA.accountId}:register-1`,
        startWorkflowOperation: new WithStartWorkflowOperation('decisionWorkflow', {
          workflowId: decisionWorkflowId(id),
          taskQueue,
          args: [{ decisionId: id } satisfies DecisionWorkflowInput],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      });
    const first = await register();
    const again = await register();
    expect(again).toEqual(first);
    const [row] = (await dataSource.query(`SELECT count(*) AS n FROM internal_events WHERE decision_id = '${id}'`)) as [
      { n: string | number },
    ];
    expect(Number(row.n)).toBe(1);
    await client.workflow.getHandle(decisionWorkflowId(id)).terminate('test cleanup');
  });

  it('does not apply again an update whose keyed id an earlier run applied, and applies a new one', async () => {
    const { client, taskQueue, dataSource } = fixture;
    const id = newId();
    const workflowId = decisionWorkflowId(id);
    const save = actionUpdate('draft-versions');
    await client.workflow.executeUpdateWithStart(registerUpdate, {
      args: [{ actor: drafterA, command: aRegistration() }],
      startWorkflowOperation: new WithStartWorkflowOperation('decisionWorkflow', {
        workflowId,
        taskQueue,
        args: [{ decisionId: id }],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    const keyed = `${drafterA.accountId}:draft-1`;
    await client.workflow
      .getHandle(workflowId)
      .executeUpdate(save, { args: [{ actor: drafterA, command: draft('第一稿') }], updateId: keyed });
    // What continue-as-new hands the next run: the state and the remembered ids.
    const state = await client.workflow.getHandle(workflowId).query(getStateQuery);
    await client.workflow.getHandle(workflowId).terminate('next run');
    const next = await client.workflow.start('decisionWorkflow', {
      workflowId,
      taskQueue,
      args: [{ decisionId: id, state, appliedUpdates: [keyed] } satisfies DecisionWorkflowInput],
    });

    const retried = await next.executeUpdate(save, {
      args: [{ actor: drafterA, command: draft('第一稿') }],
      updateId: keyed,
    });
    expect(retried.draft?.version).toBe(1);
    const fresh = await next.executeUpdate(save, {
      args: [{ actor: drafterA, command: draft('第二稿') }],
      updateId: `${drafterA.accountId}:draft-2`,
    });
    expect(fresh.draft?.version).toBe(2);
    expect(await draftsLogged(dataSource, id)).toEqual(['第一稿', '第二稿']);

    if (RECORDING && kind === 'sqlite') {
      const history = await settledHistory(next);
      writeFileSync(join(__dirname, '..', 'replay', 'remembered-keyed-update.history.json'), historyToJSON(history));
    }
    await next.terminate('test cleanup');
  });
});
