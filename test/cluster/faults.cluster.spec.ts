import { Client as PgClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { untilTime } from '../support/eventually';
import { startReplicas, type Replicas } from '../support/replicas';
import { uniqueTaskQueue } from '../support/temporal';
import { prepareDatabase } from '../faults/support/consultation';
import { staffTokens, type Tokens } from '../faults/support/steps';
import { clusterAddress, clusterDatabases, clusterNamespace, killNode, startNode } from './support/cluster-env';
import { underFault, type Fault } from './support/under-fault';

/**
 * Issue 15, faults on the production topology (ADR 52): two gateways and two workers on the tier's Temporal
 * cluster (two frontends behind a gRPC balancer, two history, two matching, the internal worker, on
 * PostgreSQL). One node at a time is SIGKILLed under load and started again after the deadline of a
 * consultation passed; instead of a PostgreSQL restart (too disruptive on a shared machine), every connection
 * Temporal holds to its databases is terminated, repeatedly, for the same window.
 */
describe('the apps on a Temporal cluster while one of its parts fails', () => {
  let db: TestDatabase;
  let replicas: Replicas;
  let tokens: Tokens;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    await prepareDatabase(db.config);
    const namespace = { TEMPORAL_NAMESPACE: clusterNamespace() };
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('cluster-faults'),
      temporalAddress: clusterAddress(),
      gatewayEnv: namespace,
      workerEnv: namespace,
    });
    tokens = await staffTokens(replicas.baseUrls[0]!);
  }, 120_000);

  afterAll(async () => {
    await replicas?.stop();
    await db?.drop();
  });

  const killed = (node: string, what: string): Fault => ({
    what,
    begin: async () => void (await killNode(node)),
    end: async () => void (await startNode(node)),
  });

  const expectClean = (outcome: Awaited<ReturnType<typeof underFault>>): void => {
    expect({ lost: outcome.entry.lost, duplicated: outcome.entry.duplicated, broken: outcome.broken }).toEqual({
      lost: 0,
      duplicated: 0,
      broken: [],
    });
    expect(outcome.entry.acknowledged).toBeGreaterThan(1); // the load ran, and the deadline is in the ledger
  };

  it('SIGKILL of a history node: its shards move to the other, nothing acknowledged is lost or doubled', async () => {
    expectClean(await underFault(replicas, db, tokens, killed('history-1', 'history-1 SIGKILLed (shards move)')));
  }, 180_000);

  it('SIGKILL of a frontend: clients carry on through the other one behind the balancer', async () => {
    const outcome = await underFault(replicas, db, tokens, killed('frontend-1', 'frontend-1 SIGKILLed'));
    expectClean(outcome);
    expect(outcome.duringFault).toBeGreaterThan(0); // served through frontend-2 while frontend-1 was down
  }, 180_000);

  it('SIGKILL of a matching node: task queues move to the other, nothing acknowledged is lost or doubled', async () => {
    expectClean(await underFault(replicas, db, tokens, killed('matching-1', 'matching-1 SIGKILLed')));
  }, 180_000);

  it('every Temporal connection to PostgreSQL terminated again and again: Temporal reconnects, nothing is lost', async () => {
    const admin = new PgClient({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
    let terminated = 0;
    const terminateAll = async (): Promise<void> => {
      const rows = await admin.query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()`,
        [clusterDatabases()],
      );
      terminated += rows.rows.filter((row) => row.ok).length;
    };
    try {
      const outcome = await underFault(replicas, db, tokens, {
        what: "pg_terminate_backend on every connection to Temporal's databases, every 500 ms for 4 s",
        begin: terminateAll,
        during: async () => {
          await untilTime(Date.now() + 500);
          await terminateAll();
        },
        end: () => Promise.resolve(),
      });
      expectClean(outcome);
      expect(terminated).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  }, 180_000);
});
