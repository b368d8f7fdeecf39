import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { decisionWorkflowId, getStateQuery } from '../../workflows/definitions';
import { provisionTemporalCli, startDevServer, type DevServer } from '../../apps/embedded/src/dev-server';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { repoRoot } from '../support/env';
import { call, publishForConsultation } from '../support/http';
import { eventually, quietFor, untilTime } from '../support/eventually';
import { freePort } from '../support/ports';
import { startReplicas, type Replicas } from '../support/replicas';
import { prepareDatabase, query } from './support/consultation';
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

/**
 * Issue 6: kill -9 the Temporal dev server under load and start it again on the same SQLite file. Every
 * start and update a client was acknowledged is there afterwards, once; a deadline that fell due while
 * the server was down fires once after it is back. Its own dev server, two gateways, two workers.
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`the apps while the Temporal server is SIGKILLed and restarted under load (${kind})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'od-faults-temporal-restart-'));
  let cli: string;
  let port: number;
  let temporal: DevServer | undefined;
  let db: TestDatabase;
  let replicas: Replicas;
  let tokens: Tokens;

  const startTemporal = (): Promise<DevServer> =>
    startDevServer({ cli, port, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });

  beforeAll(async () => {
    cli = process.env['TEMPORAL_CLI'] ?? provisionTemporalCli(repoRoot());
    port = await freePort();
    temporal = await startTemporal();
    const connection = await Connection.connect({ address: temporal.address });
    await ensureSearchAttributes(connection, 'default');
    await connection.close();
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({
      databaseUrl: db.url,
      taskQueue: 'faults-temporal-restart',
      temporalAddress: temporal.address,
    });
    tokens = await staffTokens(replicas.baseUrls[0]!);
  });

  afterAll(async () => {
    await replicas?.stop();
    await temporal?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged registration and staff action once and fires a deadline that passed while it was down once', async () => {
    const urls = replicas.baseUrls;
    const deadlineDecision = await register(urls[0]!, tokens);
    const opensAt = Date.now() + 1_500;
    const closesAt = opensAt + 5_000;
    await publishForConsultation(urls[1]!, tokens, deadlineDecision, {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    });
    await pollUntil(
      async () => (await call(urls[0]!, 'GET', `/api/v1/public/decisions/${deadlineDecision}`)).body.stage as string,
      (stage) => stage === 'consultation',
      10_000,
    );

    const registered: string[] = [];
    const drafts: string[] = [];
    const otherwise: string[] = [];
    const working: string[] = [];
    let running = true;
    let killedAt = Number.POSITIVE_INFINITY;
    let restartedAt = Number.POSITIVE_INFINITY;
    let acrossOutage = 0; // requests sent before the kill and answered after the restart
    const loop = async (c: number): Promise<void> => {
      for (let n = 0; running; n += 1) {
        const url = urls[(c + n) % 2]!;
        const sentAt = Date.now();
        if (n % 3 === 0) {
          const reply = await call(url, 'POST', '/api/v1/decisions', {
            token: tokens.drafter,
            json: {
              title: `负载决策 ${c}-${n}`,
              summary: 's',
              unit: 'unit-a',
              category: 'c',
              confidential: false,
              riskAssessmentRequired: false,
            },
          }).catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
          if (reply.status === 201) working.push((registered[registered.length] = reply.body.decisionId as string));
          else otherwise.push(`register → ${reply.status}`);
        } else if (working.length > 0) {
          const tag = newTag(`restart-${c}-${n}`);
          const status = await saveDraft(url, tokens, working[(c + n) % working.length]!, tag);
          if (status === 200) drafts.push(tag);
          else otherwise.push(`${tag} → ${status}`);
        }
        if (sentAt < killedAt && Date.now() > restartedAt) acrossOutage += 1;
        if (otherwise.length > 0) await untilTime(Date.now() + 100); // the loop's pace while Temporal is down: do not spin
      }
    };
    const loops = Array.from({ length: 6 }, (_, c) => loop(c));
    await untilTime(closesAt - 2_000);
    killedAt = Date.now();
    temporal!.process.kill('SIGKILL');
    await temporal!.stop();
    temporal = undefined;
    await untilTime(closesAt + 3_000); // the deadline passes while the server is down
    temporal = await startTemporal();
    restartedAt = Date.now();
    const closed = await pollUntil(
      () => internalTypes(db.config, deadlineDecision),
      (types) => types.includes('ConsultationClosed'),
      45_000,
      500,
    );
    // Load after recovery; a second close would follow right away: the log is watched for 1.5 s.
    await quietFor(1_500, () => internalTypes(db.config, deadlineDecision), { intervalMs: 250 });
    running = false;
    await Promise.all(loops);

    const indeterminate = new Set(otherwise.map((line) => line.split(' ')[0]!));
    const registrations = await query<{ decision_id: string }>(
      db.config,
      `SELECT decision_id FROM public_events WHERE type = 'DecisionRegistered' AND decision_id <> '${deadlineDecision}'`,
    );
    // A registration answered otherwise may still have started its decision (indeterminate, like a
    // timeout): such a decision is counted, never mistaken for a duplicate of an acknowledged one.
    const acknowledgedIds = new Set(registered);
    const unanswered = registrations.filter((r) => !acknowledgedIds.has(r.decision_id)).length;
    const tags = await draftTagsFound(db.config, registered);
    const closes = (await internalTypes(db.config, deadlineDecision)).filter((type) => type === 'ConsultationClosed');
    const entry = reconcile(
      currentTestName(),
      'Temporal SIGKILLed and restarted on its file ⇒ acknowledged starts and updates all there once; the deadline passed while down fires once',
      [...registered, ...drafts, 'ConsultationClosed'],
      [
        ...registrations.map((r) => r.decision_id).filter((id) => acknowledgedIds.has(id)),
        ...tags.filter((tag) => !indeterminate.has(tag)),
        ...closes,
      ],
      `${registered.length} registrations and ${drafts.length} draft versions acknowledged, ${otherwise.length} answered otherwise while it was down or restarting (${unanswered} of those registrations applied), ` +
        `${acrossOutage} sent before the kill and answered after the restart; ` +
        `close ${closed.includes('ConsultationClosed') ? 'fired' : 'did NOT fire'}`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(new Set(tags).size).toBe(tags.length);
    expect(unanswered).toBeLessThanOrEqual(otherwise.filter((line) => line.startsWith('register')).length);
    expect(otherwise.length + acrossOutage).toBeGreaterThan(0); // the kill did land on requests in flight
    expect(drafts.length).toBeGreaterThan(0);
    expect(await brokenTimelines(urls[0]!, [deadlineDecision, ...registered])).toEqual([]);
    // Temporal's side kept them too: each workflow's state counts the versions its log holds. An update
    // whose answer was 503 (the bound) may still be finishing its workflow task: wait for it, once.
    const connection = await Connection.connect({ address: temporal!.address });
    try {
      const client = new Client({ connection });
      for (const id of registered) {
        const versions = async (): Promise<[number, number]> => [
          (await client.workflow.getHandle(decisionWorkflowId(id)).query(getStateQuery)).draft?.version ?? 0,
          (await draftTagsFound(db.config, [id])).length,
        ];
        await eventually(
          async () => {
            const [state, log] = await versions();
            return state === log;
          },
          { timeoutMs: 30_000, what: `${id}: workflow draft version = logged versions` },
        ).catch(() => undefined); // the expectation below names the decision
        const [state, log] = await versions();
        // Known gap (closing note of 2026-12-04): a step whose append committed while Temporal died, and whose
        // client gave up on its 503, is logged but not in the workflow. Only such unacknowledged steps may differ.
        const logged = await draftTagsFound(db.config, [id]);
        const unacknowledged = logged.filter((tag) => !drafts.includes(tag)).length;
        expect([id, state >= logged.length - unacknowledged, log - state <= unacknowledged]).toEqual([id, true, true]);
      }
    } finally {
      await connection.close();
    }
  }, 120_000);
});
