import { createTestDatabase, type TestDatabase } from '../support/databases';
import { call, publishForConsultation } from '../support/http';
import { startReplicas, type Replicas } from '../support/replicas';
import { uniqueTaskQueue } from '../support/temporal';
import { prepareDatabase, query } from './support/consultation';
import { currentTestName, reconcile } from './support/ledger';
import { brokenTimelines, internalTypes, pollUntil, register, staffTokens, submitOpinion } from './support/steps';
import { quietFor, untilTime } from '../support/eventually';

/**
 * Issue 6, deadline across downtime: every worker and gateway is SIGKILLed before a consultation's
 * `closesAt` and comes back after it. The seal happens once, and no opinion sent after `closesAt` is
 * accepted, even by a gateway that is back before any worker has run the seal (the window check reads
 * `closes_at`, not the seal).
 */
const kind = process.env['TEST_DATABASE_URL'] ? 'postgres' : 'sqlite';

describe(`a consultation whose deadline passes while every app is down (${kind})`, () => {
  let db: TestDatabase;
  let replicas: Replicas;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await prepareDatabase(db.config);
    replicas = await startReplicas({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('deadline-down') });
  });

  afterAll(async () => {
    await replicas?.stop();
    await db?.drop();
  });

  it('seals once after the apps return and refuses every opinion sent after closesAt, before and after the seal', async () => {
    const [a, b] = replicas.baseUrls as [string, string];
    const tokens = await staffTokens(a);
    const id = await register(a, tokens);
    const opensAt = Date.now() + 1_500;
    const closesAt = opensAt + 4_000;
    await publishForConsultation(b, tokens, id, {
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    });
    await pollUntil(
      async () =>
        Date.now() > opensAt && (await call(a, 'GET', `/api/v1/public/decisions/${id}`)).body.stage === 'consultation',
      Boolean,
      10_000,
    );
    const receipts: string[] = [];
    for (let n = 0; n < 6; n += 1) {
      const receipt = await submitOpinion(replicas.baseUrls[n % 2]!, id, `before-${n}`, `截止前的第${n}条意见`, 2_000);
      if (receipt) receipts.push(receipt);
    }

    await untilTime(closesAt - 1_000);
    await Promise.all(
      [...replicas.gateways, ...replicas.workers].map((app) => app?.kill('SIGKILL') ?? Promise.resolve(null)),
    );
    expect(Date.now()).toBeLessThan(closesAt); // everything was down before the deadline
    await untilTime(closesAt + 1_500);

    await replicas.startGateway(0); // no worker yet: the seal cannot have run
    const late = await call(a, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
      json: { text: '截止后才到的意见' },
      headers: { 'idempotency-key': 'after-close-1' },
    });
    const sealedBeforeWorkers = (await internalTypes(db.config, id)).includes('ConsultationClosed');
    replicas.startWorker(0);
    replicas.startWorker(1);
    await replicas.startGateway(1);
    const types = await pollUntil(
      () => internalTypes(db.config, id),
      (found) => found.includes('ConsultationClosed'),
      30_000,
    );
    // A second seal would follow right away: the log is watched for 1.5 s (it only grows).
    await quietFor(1_500, () => internalTypes(db.config, id), { intervalMs: 250 });
    const lateAfterSeal = await call(b, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
      json: { text: '封存后才到的意见' },
      headers: { 'idempotency-key': 'after-close-2' },
    });

    const closes = (await internalTypes(db.config, id)).filter((type) => type === 'ConsultationClosed');
    const rows = await query<{ receipt: string; received_at: string }>(
      db.config,
      `SELECT receipt, received_at FROM opinions WHERE decision_id = '${id}'`,
    );
    const entry = reconcile(
      currentTestName(),
      'apps down across closesAt ⇒ one ConsultationClosed after they return; no opinion stored after closesAt',
      [...receipts, 'ConsultationClosed'],
      [...rows.map((r) => r.receipt), ...closes],
      `late opinions answered ${late.status} ${late.body.code} (before the seal) and ${lateAfterSeal.status} ${lateAfterSeal.body.code} (after); sealed ${types.includes('ConsultationClosed') ? '' : 'NOT '}once the workers were back`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(receipts).toHaveLength(6);
    expect(sealedBeforeWorkers).toBe(false);
    expect([late.body.code, lateAfterSeal.body.code]).toEqual(['CONSULTATION_NOT_OPEN', 'CONSULTATION_NOT_OPEN']);
    expect(rows.filter((r) => Date.parse(r.received_at) >= closesAt)).toEqual([]);
    expect(await brokenTimelines(a, [id])).toEqual([]);
  }, 60_000);
});
