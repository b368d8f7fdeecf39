import type { PublicEventDraft, StepEvents } from '../../libs/domain/src';
import { appendEvents, consistencyProofAt, latestCheckpoint, treeSize } from '../../libs/persistence/src';
import { ensureCheckpointSchedule } from '../../libs/temporal/src';
import { transparencyCheckpointsWorkflowId } from '../../workflows/definitions';
import {
  generateSignerKey,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  verifyConsistency,
} from '../../libs/transparency/src';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { startWorker, testClient, uniqueTaskQueue, type RunningWorker } from '../support/temporal';

const ORIGIN = 'open-decision.test/checkpoints';

function step(seq: number): StepEvents {
  const draft: PublicEventDraft = {
    seq,
    type: seq === 1 ? 'DecisionRegistered' : 'ProgressReported',
    occurredAt: `2026-05-01T08:00:0${seq}.000Z`,
    actor: { unit: 'unit-a', role: 'drafter' },
    data: { percent: seq * 10 },
  };
  return {
    public: [draft],
    internal: [{ ...draft, actor: { accountId: 'a', username: 'd', unit: 'unit-a', role: 'drafter' } }],
  };
}

describe.each(databaseKinds())('the checkpoint schedule on %s', (kind) => {
  const keys = generateSignerKey(ORIGIN);
  const taskQueue = uniqueTaskQueue('tlog');
  let db: TestDatabase;
  let dataSource: DataSource;
  let client: Client;
  let worker: RunningWorker;

  beforeAll(async () => {
    ({ db, dataSource } = await openTestDatabase(kind));
    client = await testClient();
    worker = await startWorker(dataSource, taskQueue, { checkpointSigner: parseSignerKey(keys.signerKey) });
  });
  afterAll(async () => {
    await client.workflow
      .getHandle(transparencyCheckpointsWorkflowId(taskQueue))
      .terminate('test over')
      .catch(() => undefined);
    await worker.stop();
    await client.connection.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('signs a checkpoint whenever the tree grew, each consistent with the one before', async () => {
    await appendEvents(dataSource, 'cp-a', step(1));
    await appendEvents(dataSource, 'cp-a', step(2));
    const runId = await ensureCheckpointSchedule(client.connection, 'default', taskQueue, 1);
    const first = await eventually(
      async () => (await latestCheckpoint(dataSource))?.size === 2 && latestCheckpoint(dataSource),
      {
        what: 'a checkpoint of 2 leaves',
      },
    );
    expect(await ensureCheckpointSchedule(client.connection, 'default', taskQueue, 1)).toBe(runId);
    await appendEvents(dataSource, 'cp-b', step(1));
    const second = await eventually(
      async () => (await latestCheckpoint(dataSource))?.size === 3 && latestCheckpoint(dataSource),
      {
        what: 'a checkpoint of 3 leaves',
      },
    );
    expect(await treeSize(dataSource)).toBe(3);
    const verifier = parseVerifierKey(keys.verifierKey);
    const [a, b] = [openCheckpoint(first!.note, verifier, ORIGIN), openCheckpoint(second!.note, verifier, ORIGIN)];
    const proof = await consistencyProofAt(dataSource, a.size, b.size);
    expect(verifyConsistency(a.size, b.size, a.root, b.root, proof)).toEqual({ ok: true });
  });

  it('gives makeCheckpoint a 15-second start-to-close timeout, so a worker killed inside it delays checkpoints by seconds', async () => {
    const history = await client.workflow.getHandle(transparencyCheckpointsWorkflowId(taskQueue)).fetchHistory();
    const scheduled = (history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((attributes) => attributes?.activityType?.name === 'makeCheckpoint');
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.map((attributes) => Number(String(attributes?.startToCloseTimeout?.seconds)))).toEqual(
      scheduled.map(() => 15),
    );
  });
});
