import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { verifyChain } from '../../libs/domain/src';
import { findPublicDecision, findPublicTimeline, sha256Hex } from '../../libs/persistence/src';
import { toDomainError } from '../../libs/temporal/src';
import { decisionWorkflowId, getStateQuery, registerUpdate } from '../../workflows/definitions';
import { databaseKinds } from '../support/databases';
import { aRegistration, drafterA, newId, registerViaTemporal } from '../support/decisions';
import { useWorkerFixture } from '../support/fixtures';
import { eventually } from '../support/eventually';

/** Set RECORD_REPLAY_HISTORIES=1 to (re)write the histories in test/replay/ from these runs. */
const RECORD = process.env['RECORD_REPLAY_HISTORIES'] === '1';

async function countRows(dataSource: DataSource, table: string, decisionId: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE decision_id = '${decisionId}'`)) as [
    { n: string | number },
  ];
  return Number(row.n);
}

describe.each(databaseKinds())('the decision workflow with real activities on %s', (kind) => {
  const fixture = useWorkerFixture(kind, `wf-${kind}`);
  let client: Client;
  let dataSource: DataSource;
  let taskQueue: string;
  beforeAll(() => ({ client, dataSource, taskQueue } = fixture));

  it('registers a decision: DecisionRegistered once in each log, chain valid, read model public', async () => {
    const id = newId();
    const state = await registerViaTemporal(client, taskQueue, id, aRegistration());
    expect(state).toMatchObject({ decisionId: id, registered: true, stage: 'drafting', publicSeq: 1, internalSeq: 1 });
    const timeline = (await findPublicTimeline(dataSource, id)) ?? [];
    expect(timeline.map((e) => e.type)).toEqual(['DecisionRegistered']);
    expect(verifyChain(id, timeline, sha256Hex).ok).toBe(true);
    expect(await countRows(dataSource, 'internal_events', id)).toBe(1);
    expect(await findPublicDecision(dataSource, id)).toMatchObject({ id, stage: 'drafting' });
    const handle = client.workflow.getHandle(decisionWorkflowId(id));
    expect(await handle.query(getStateQuery)).toEqual(state);
    if (RECORD && kind === 'sqlite') {
      writeFileSync(
        join(__dirname, '..', 'replay', 'registered.history.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
  });

  it('keeps a confidential decision off the public log and out of the public read model', async () => {
    const id = newId();
    await registerViaTemporal(
      client,
      taskQueue,
      id,
      aRegistration({ confidential: true, confidentialGround: '依法确定为国家秘密' }),
    );
    expect(await countRows(dataSource, 'public_events', id)).toBe(0);
    expect(await countRows(dataSource, 'internal_events', id)).toBe(1);
    expect(await findPublicDecision(dataSource, id)).toBeUndefined();
    expect(await findPublicTimeline(dataSource, id)).toBeUndefined();
    if (RECORD && kind === 'sqlite') {
      const handle = client.workflow.getHandle(decisionWorkflowId(id));
      writeFileSync(
        join(__dirname, '..', 'replay', 'confidential.history.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
  });

  it('rejects a registration for another unit in the validator: nothing is written', async () => {
    const id = newId();
    const refused = registerViaTemporal(client, taskQueue, id, aRegistration({ unit: 'unit-b' }));
    await expect(
      refused.catch((error: unknown) => {
        throw toDomainError(error);
      }),
    ).rejects.toMatchObject({ code: 'OTHER_UNIT', kind: 'forbidden' });
    expect(await countRows(dataSource, 'internal_events', id)).toBe(0);
    await client.workflow.getHandle(decisionWorkflowId(id)).terminate('test cleanup');
  });

  it('applies one of two concurrent registrations and rejects the other with ILLEGAL_TRANSITION', async () => {
    const id = newId();
    await registerViaTemporal(client, taskQueue, id, aRegistration());
    const handle = client.workflow.getHandle(decisionWorkflowId(id));
    const again = await Promise.allSettled([
      handle.executeUpdate(registerUpdate, { args: [{ actor: drafterA, command: aRegistration({ title: 'A' }) }] }),
      handle.executeUpdate(registerUpdate, { args: [{ actor: drafterA, command: aRegistration({ title: 'B' }) }] }),
    ]);
    expect(again.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const result of again) {
      expect(toDomainError((result as PromiseRejectedResult).reason)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    }
    expect(await countRows(dataSource, 'public_events', id)).toBe(1);
    expect(await countRows(dataSource, 'internal_events', id)).toBe(1);
  });

  it('is findable by operators through the DecisionStage and PolicyUnit search attributes', async () => {
    const id = newId();
    await registerViaTemporal(client, taskQueue, id, aRegistration());
    const query = `WorkflowId = '${decisionWorkflowId(id)}' AND DecisionStage = 'drafting' AND PolicyUnit = 'unit-a' AND Confidential = false`;
    // Visibility is eventually consistent.
    const found = await eventually(
      async () => {
        let listed = 0;
        for await (const _ of client.workflow.list({ query })) listed += 1;
        return listed === 0 ? undefined : listed;
      },
      { timeoutMs: 10_000, intervalMs: 250, what: 'the workflow in visibility' },
    ).catch(() => 0);
    expect(found).toBe(1);
  });
});
