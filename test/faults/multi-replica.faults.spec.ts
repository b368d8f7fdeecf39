import { createTestDatabase, type TestDatabase } from '../support/databases';
import { startReplicas, type Replicas } from '../support/replicas';
import { testClient, uniqueTaskQueue } from '../support/temporal';
import { openConsultation, prepareDatabase, query } from './support/consultation';
import { workflowTaskPids } from './support/history';
import { currentTestName, reconcile } from './support/ledger';
import {
  brokenTimelines,
  draftTagsFound,
  internalTypes,
  newTag,
  register,
  saveDraft,
  staffTokens,
  submitOpinion,
} from './support/steps';

/**
 * Issue 6, "multi-replica on one machine, for real": two gateways and two workers on one task queue and
 * one app database (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite file shared by all four
 * processes); decisions and opinions go alternately through both gateways.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`two gateways and two workers on one task queue (${kind})`, () => {
  let db: TestDatabase;
  let replicas: Replicas;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('replicas') });
  });

  afterAll(async () => {
    await replicas?.stop();
    await db?.drop();
  });

  it('lands every registration, staff action and opinion sent through either gateway exactly once', async () => {
    const [a, b] = replicas.baseUrls as [string, string];
    const gateway = (n: number): string => (n % 2 === 0 ? a : b);
    const tokens = await staffTokens(a); // one secret: a token of one gateway is good at the other

    const decisions = 10;
    const draftsEach = 4;
    const registered: string[] = [];
    const acknowledgedDrafts: string[] = [];
    await Promise.all(
      Array.from({ length: decisions }, async (_, d) => {
        const id = await register(gateway(d), tokens);
        registered.push(id);
        for (let n = 0; n < draftsEach; n += 1) {
          const tag = newTag(`d${d}-v${n}`);
          if ((await saveDraft(gateway(d + n + 1), tokens, id, tag)) === 200) acknowledgedDrafts.push(tag);
        }
      }),
    );

    const { id: consultation } = await openConsultation(a);
    const receipts: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        for (let n = 0; n < 10; n += 1) {
          const receipt = await submitOpinion(
            gateway(c + n),
            consultation,
            `replica-${c}-${n}`,
            `第${c}位市民经第${(c + n) % 2}号网关提交的第${n}条意见`,
          );
          if (receipt) receipts.push(receipt);
        }
      }),
    );

    const registrations = await query<{ decision_id: string }>(
      db.config,
      `SELECT decision_id FROM public_events WHERE type = 'DecisionRegistered'`,
    );
    const drafts = await draftTagsFound(db.config, registered);
    const opinions = await query<{ receipt: string }>(
      db.config,
      `SELECT receipt FROM opinions WHERE decision_id = '${consultation}'`,
    );
    const temporal = await testClient();
    const pids = await workflowTaskPids(temporal, [...registered, consultation]).finally(() =>
      temporal.connection.close(),
    );
    const workerPids = replicas.workers.map((worker) => worker?.child.pid);
    const broken = [
      ...(await brokenTimelines(a, [...registered, consultation])),
      ...(await brokenTimelines(b, [...registered, consultation])),
    ];
    const entry = reconcile(
      currentTestName(),
      'two gateways + two workers: each acknowledged registration, draft version and receipt is in the logs / opinions once; every public chain verifies',
      [...registered, ...acknowledgedDrafts, ...receipts],
      [
        ...registrations.map((r) => r.decision_id).filter((id) => id !== consultation),
        ...drafts,
        ...opinions.map((r) => r.receipt),
      ],
      `${decisions} decisions × ${draftsEach} drafts, 80 opinions, alternating gateways; workflow tasks ran on ${[...pids].filter((pid) => workerPids.includes(pid)).length} of ${workerPids.length} workers; ${broken.length} broken chains`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated, broken }).toEqual({ lost: 0, duplicated: 0, broken: [] });
    expect([...pids].every((pid) => workerPids.includes(pid))).toBe(true); // only our workers ran them
    expect(registered).toHaveLength(decisions);
    expect(acknowledgedDrafts).toHaveLength(decisions * draftsEach);
    expect(receipts).toHaveLength(80);
    for (const id of registered)
      expect(await internalTypes(db.config, id)).toEqual([
        'DecisionRegistered',
        ...Array<string>(draftsEach).fill('DraftVersionSaved'),
      ]);
  }, 120_000);
});
