import type { Client } from '@temporalio/client';
import { decisionWorkflowId, getStateQuery } from '../../workflows/definitions';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { call, publishForConsultation } from '../support/http';
import { startReplicas, type Replicas } from '../support/replicas';
import { testClient, uniqueTaskQueue } from '../support/temporal';
import { prepareDatabase } from './support/consultation';
import { interruptedWorkflowTasks, lastWorkflowTaskPid } from './support/history';
import { lockTheLogs } from './support/log-lock';
import { currentTestName, reconcile } from './support/ledger';
import {
  brokenTimelines,
  draftTagsFound,
  internalTypes,
  newTag,
  pollUntil,
  register,
  saveDraft,
  staffTokens,
  type Tokens,
} from './support/steps';
import { eventually, quietFor } from '../support/eventually';

/**
 * Issue 6: kill -9 a worker during an activity, during workflow tasks and while a decision waits on a
 * deadline; the other worker carries on and every step appears once in the logs. Two gateways and two
 * workers on one task queue (PostgreSQL when TEST_DATABASE_URL is set, else SQLite); a killed worker is
 * started again before the next test.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`a worker killed with SIGKILL while the other carries on (${kind})`, () => {
  let db: TestDatabase;
  let replicas: Replicas;
  let temporal: Client;
  let tokens: Tokens;

  /** SIGKILLs the worker with process id `pid` and starts a new one in its slot; answers the slot. */
  const killWorker = async (pid: number): Promise<number> => {
    const slot = replicas.workers.findIndex((worker) => worker?.child.pid === pid);
    if (slot < 0) throw new Error(`no worker has pid ${pid}`);
    await replicas.workers[slot]!.kill('SIGKILL');
    return slot;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    // A step whose worker is killed waits for Temporal's workflow-task timeout (10 s) before the other
    // worker runs it; a bound above that lets these tests see the 200 (a client would retry its key).
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('worker-kill'),
      gatewayEnv: { STAFF_REQUEST_TIMEOUT_MS: '30000' },
    });
    temporal = await testClient();
    tokens = await staffTokens(replicas.baseUrls[0]!);
  });

  afterEach(() => {
    replicas.workers.forEach((worker, n) => {
      if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) replicas.startWorker(n);
    });
  });

  afterAll(async () => {
    await replicas?.stop();
    await temporal?.connection.close();
    await db?.drop();
  });

  it('applies a staff action once when the worker running its log-append activity is killed while the append waits on the database lock', async () => {
    const [a] = replicas.baseUrls as [string];
    const id = await register(a, tokens);
    const tag = newTag('locked');
    const lock = await lockTheLogs(db);
    let answer: Promise<number> | undefined;
    let victim: number | undefined;
    try {
      answer = saveDraft(a, tokens, id, tag, { keyed: false }); // a key's record would wait on the locked SQLite file
      victim = await pollUntil(
        () => lock.waitingWorker(replicas),
        (slot) => slot !== undefined,
        8_000,
        100,
      );
      expect(victim).toBeDefined(); // a worker is inside the append, waiting on the lock
      await killWorker(replicas.workerPid(victim!));
    } finally {
      await lock.release();
    }
    const status = await answer;
    const found = await draftTagsFound(db.config, [id]);
    const entry = reconcile(
      currentTestName(),
      'a worker killed inside the log-append activity ⇒ the other worker applies the step once, the gateway answers 200',
      status === 200 ? [tag] : [],
      found,
      `killed od-worker-${victim} while its append waited on the ${kind} lock; HTTP ${status}`,
    );
    expect({ status, lost: entry.lost, duplicated: entry.duplicated }).toEqual({ status: 200, lost: 0, duplicated: 0 });
    expect(await internalTypes(db.config, id)).toEqual(['DecisionRegistered', 'DraftVersionSaved']);
    expect(await brokenTimelines(a, [id])).toEqual([]);
  }, 60_000);

  it('applies every acknowledged staff action of a flood through both gateways once while a busy worker is SIGKILLed mid-flood', async () => {
    const urls = replicas.baseUrls;
    const ids = await Promise.all([0, 1, 2, 3].map((n) => register(urls[n % 2]!, tokens)));
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let running = true;
    const loop = async (c: number): Promise<void> => {
      for (let n = 0; running; n += 1) {
        const tag = newTag(`flood-${c}-${n}`);
        const status = await saveDraft(urls[(c + n) % 2]!, tokens, ids[c % ids.length]!, tag);
        (status === 200 ? acknowledged : refused).push(`${tag} → ${status}`);
      }
    };
    const loops = Array.from({ length: 8 }, (_, c) => loop(c));
    // The flood is under way (every client had answers) before the kill, and goes on after it.
    await eventually(() => acknowledged.length + refused.length >= 16, {
      timeoutMs: 30_000,
      what: 'the flood under way',
    });
    const killedPid = await lastWorkflowTaskPid(temporal, ids[0]!); // a worker that is running these workflows
    await killWorker(killedPid);
    const answeredAtKill = acknowledged.length + refused.length;
    await eventually(() => acknowledged.length + refused.length >= answeredAtKill + 16, {
      timeoutMs: 45_000,
      what: 'the flood goes on after the kill',
    });
    running = false;
    await Promise.all(loops);

    const found = await draftTagsFound(db.config, ids);
    // A 5xx is indeterminate (the step may or may not be applied, as after a timeout); it is resolved
    // by reading the decision, so a step applied under such an answer is reported, not a duplicate.
    const indeterminate = new Set(refused.map((line) => line.split(' ')[0]!));
    const appliedUnanswered = found.filter((tag) => indeterminate.has(tag));
    // A worker killed after its append committed but before its workflow task completed leaves the
    // step stored; the update, redelivered to the other worker at a new workflow time, must adopt it
    // (it answered 500 with LogConflictError and left the workflow's state one step behind the log).
    let diverged = 0;
    for (const id of ids) {
      const state = await temporal.workflow.getHandle(decisionWorkflowId(id)).query(getStateQuery);
      diverged += (await draftTagsFound(db.config, [id])).length - (state.draft?.version ?? 0);
    }
    const interrupted = await interruptedWorkflowTasks(temporal, ids);
    const entry = reconcile(
      currentTestName(),
      'a worker killed during a flood of staff actions ⇒ every acknowledged action applied once, none applied twice; a 5xx answer is indeterminate',
      acknowledged.map((line) => line.split(' ')[0]!),
      found.filter((tag) => !indeterminate.has(tag)),
      `${acknowledged.length} acknowledged, ${refused.length} answered otherwise (${refused.slice(0, 2).join(', ')}), of which ${appliedUnanswered.length} applied; ` +
        `${diverged} logged steps missing from the workflow state; ${interrupted} workflow tasks timed out or failed in the histories`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated, refused, diverged }).toEqual({
      lost: 0,
      duplicated: 0,
      refused: [],
      diverged: 0,
    });
    expect(new Set(found).size).toBe(found.length); // no tag twice, indeterminate ones included
    expect(acknowledged.length).toBeGreaterThan(8);
    expect(await brokenTimelines(urls[1]!, ids)).toEqual([]);
  }, 60_000);

  it('closes a consultation once when the worker holding the decision is SIGKILLed while it waits on the deadline', async () => {
    const [a, b] = replicas.baseUrls as [string, string];
    const id = await register(a, tokens);
    const opensAt = Date.now() + 1_500;
    const closesAt = opensAt + 4_000;
    await publishForConsultation(b, tokens, id, {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    });
    await pollUntil(
      async () => (await call(a, 'GET', `/api/v1/public/decisions/${id}`)).body.stage as string,
      (stage) => stage === 'consultation',
      10_000,
    );
    const holder = await lastWorkflowTaskPid(temporal, id);
    await killWorker(holder); // the sticky cache holding the decision dies; its timer is still due
    const closed = await pollUntil(
      () => internalTypes(db.config, id),
      (types) => types.includes('ConsultationClosed'),
      40_000,
    );
    // A second close would follow right away: the log is watched for a second (it only grows).
    let types = closed;
    await quietFor(1_000, async () => (types = await internalTypes(db.config, id)), { intervalMs: 250 });
    const closer = await lastWorkflowTaskPid(temporal, id);
    const entry = reconcile(
      currentTestName(),
      'the worker holding a decision killed before its deadline ⇒ the other worker fires the timer; one ConsultationClosed',
      ['ConsultationClosed'],
      types.filter((type) => type === 'ConsultationClosed'),
      `closed ${closed.includes('ConsultationClosed') ? '' : 'NOT '}by pid ${closer} after pid ${holder} was killed`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(closer).not.toBe(holder);
    expect(types.filter((type) => type === 'ConsultationOpened')).toHaveLength(1);
    expect(await brokenTimelines(a, [id])).toEqual([]);
  }, 60_000);
});
