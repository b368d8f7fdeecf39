import type { PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, publicLogLeaf, recordCheckpoint, seedDemoAccounts } from '../../libs/persistence/src';
import {
  generateSignerKey,
  leafHash,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from '../../libs/transparency/src';
import type { DataSource } from 'typeorm';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const ORIGIN = 'decisions.example.gov.cn/log';
const API = '/api/v1/public/transparency';

describe('the transparency log over HTTP', () => {
  const keys = generateSignerKey(ORIGIN);
  const verifier = parseVerifierKey(keys.verifierKey);
  let db: TestDatabase;
  let dataSource: DataSource;
  let system: MediumSystem;
  let token: string;

  const get = (path: string) => call(system.baseUrl, 'GET', path);
  const register = async (): Promise<PublicLogEntry[]> => {
    const reply = await call(system.baseUrl, 'POST', '/api/v1/decisions', { token, json: aRegistration() });
    const id = reply.body.decisionId as string;
    return eventually(
      async () => {
        const timeline = await get(`/api/v1/public/decisions/${id}/timeline`);
        return timeline.status === 200 && (timeline.body.entries as PublicLogEntry[]);
      },
      { what: `the public log of ${id}` },
    );
  };
  const checkpoint = async () => {
    await recordCheckpoint(dataSource, parseSignerKey(keys.signerKey), new Date());
    const response = await fetch(`${system.baseUrl}${API}/checkpoint`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=30');
    return openCheckpoint(await response.text(), verifier, ORIGIN);
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('tlog'),
      gatewayEnv: { TLOG_VERIFIER_KEY: keys.verifierKey },
    });
    token = await login(system.baseUrl, 'drafter', PASSWORD);
  });
  afterAll(async () => {
    await system?.stop();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers 404 CHECKPOINT_NOT_FOUND before the first checkpoint, and publishes the key', async () => {
    expect(await get(`${API}/checkpoint`)).toMatchObject({ status: 404, body: { code: 'CHECKPOINT_NOT_FOUND' } });
    expect((await get(`${API}/key`)).body).toBe(`${keys.verifierKey}\n`);
  });

  it('proves every served entry included in the signed checkpoint, and the next checkpoint consistent', async () => {
    const entries = await register();
    const first = await checkpoint();
    expect(first.size).toBe(entries.length);
    for (const entry of entries) {
      const reply = await get(
        `${API}/inclusion?decisionId=${entry.decisionId}&seq=${entry.seq}&treeSize=${first.size}`,
      );
      expect(reply.status).toBe(200);
      const proof = (reply.body.proof as string[]).map((p) => Buffer.from(p, 'base64'));
      const leaf = leafHash(publicLogLeaf(entry));
      expect(verifyInclusion(reply.body.leafIndex, first.size, leaf, proof, first.root)).toEqual({ ok: true });
    }
    const more = await register();
    const second = await checkpoint();
    expect(second.size).toBe(entries.length + more.length);
    const reply = await get(`${API}/consistency?first=${first.size}&second=${second.size}`);
    const proof = (reply.body.proof as string[]).map((p) => Buffer.from(p, 'base64'));
    expect(verifyConsistency(first.size, second.size, first.root, second.root, proof)).toEqual({ ok: true });
    const byIndex = await get(`${API}/inclusion?leafIndex=${second.size - 1}`);
    expect(byIndex.body).toMatchObject({ leafIndex: second.size - 1, treeSize: second.size });
  });

  it('refuses bad questions with problem+json and a stable code', async () => {
    const cases: [string, number, string][] = [
      [`${API}/inclusion?leafIndex=0&treeSize=1000000`, 422, 'TREE_SIZE_OUT_OF_RANGE'],
      [`${API}/inclusion?leafIndex=abc`, 422, 'VALIDATION_FAILED'],
      [`${API}/inclusion?leafIndex=0&decisionId=x&seq=1`, 422, 'VALIDATION_FAILED'],
      [`${API}/inclusion?decisionId=no-such-decision&seq=1`, 404, 'LOG_ENTRY_NOT_IN_TREE'],
      [`${API}/inclusion?leafIndex=999999`, 404, 'LOG_ENTRY_NOT_IN_TREE'],
      [`${API}/consistency?first=5&second=2`, 422, 'TREE_SIZE_OUT_OF_RANGE'],
    ];
    for (const [path, status, code] of cases) {
      const reply = await get(path);
      expect({ path, status: reply.status, code: reply.body.code }).toEqual({ path, status, code });
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
    }
  });
});
