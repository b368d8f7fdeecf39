import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryHashInput, GENESIS_HASH, type PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, publicLogLeaf, recordCheckpoint, seedDemoAccounts } from '../../libs/persistence/src';
import {
  asCosigner,
  cosignatureTime,
  formatVerifierKey,
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
import { repoRoot } from '../support/env';
import { freePort } from '../support/ports';
import { uniqueTaskQueue } from '../support/temporal';
import { sha256Hex } from '../../libs/persistence/src';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const ORIGIN = 'decisions.example.gov.cn/log';
const API = '/api/v1/public/transparency';

/** Runs a command of the built verifier as a user does; resolves with its exit status and output. */
function openDecision(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  const main = join(repoRoot(), 'dist', 'apps', 'verifier', 'src', 'main.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { timeout: 60_000 }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }),
    );
  });
}
const verify = (...args: string[]) => openDecision('verify', ...args);

/** The same chain with entry `seq`'s data changed and every hash after it recomputed: it verifies on its own. */
function rewritten(entries: PublicLogEntry[], seq: number): PublicLogEntry[] {
  let prevHash = GENESIS_HASH;
  return entries.map((entry) => {
    const data = entry.seq === seq ? { ...entry.data, rewritten: true } : entry.data;
    const hash = sha256Hex(entryHashInput(prevHash, { ...entry, data }));
    const out = { ...entry, data, prevHash, hash };
    prevHash = hash;
    return out;
  });
}

function withHead(entries: PublicLogEntry[]): { entries: PublicLogEntry[]; head: { seq: number; hash: string } } {
  const last = entries.at(-1)!;
  return { entries, head: { seq: last.seq, hash: last.hash } };
}

/** A man in the middle that passes each GET answer through `edit` (path, parsed JSON) when it is JSON. */
async function startProxy(
  target: string,
  edit: (path: string, body: any) => any,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    void (async () => {
      const upstream = await fetch(`${target}${request.url ?? '/'}`);
      const type = upstream.headers.get('content-type') ?? 'text/plain';
      let body = await upstream.text();
      if (type.startsWith('application/json')) body = JSON.stringify(edit(request.url ?? '/', JSON.parse(body)));
      response.writeHead(upstream.status, { 'content-type': type }).end(body);
    })().catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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

  describe('open-decision verify --log-key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-verify-state-'));
    const state = join(dir, 'state.json');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('passes the honest deployment and remembers its checkpoint and heads', async () => {
      const result = await verify(system.baseUrl, '--log-key', keys.verifierKey, '--state', state);
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toMatch(/LOG OK {2}checkpoint of \d+ leaves, decisions\.example\.gov\.cn\/log/);
      expect(Object.keys(JSON.parse(readFileSync(state, 'utf8')).decisions)).toHaveLength(2);
    });

    it('fails a chain rewritten consistently, naming the entry not in the signed tree', async () => {
      const proxy = await startProxy(system.baseUrl, (path, body) =>
        path.endsWith('/timeline') ? withHead(rewritten(body.entries, 1)) : body,
      );
      try {
        const result = await verify(proxy.url, '--log-key', keys.verifierKey);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/FAIL \S+ seq 1: not included in the signed checkpoint/);
      } finally {
        await proxy.close();
      }
    });

    it('fails a decision dropped from the catalogue since the last run', async () => {
      const proxy = await startProxy(system.baseUrl, (path, body) =>
        path.startsWith('/api/v1/public/decisions?')
          ? { ...body, items: body.items.slice(1), total: body.total - 1 }
          : body,
      );
      try {
        const result = await verify(proxy.url, '--log-key', keys.verifierKey, '--state', state);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/is gone from the catalogue/);
      } finally {
        await proxy.close();
      }
    });

    it('fails a checkpoint inconsistent with the one remembered (a forked tree)', async () => {
      const remembered = JSON.parse(readFileSync(state, 'utf8'));
      writeFileSync(state, JSON.stringify({ ...remembered, root: Buffer.alloc(32, 7).toString('base64') }));
      const result = await verify(system.baseUrl, '--log-key', keys.verifierKey, '--state', state);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/LOG FAIL: checkpoint \d+ is not consistent with checkpoint \d+ seen before/);
    });

    it('fails a checkpoint signed by another key', async () => {
      const other = generateSignerKey(ORIGIN).verifierKey;
      const result = await verify(system.baseUrl, '--log-key', other);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/LOG FAIL: checkpoint signature or format: no signature by/);
    });
  });

  describe('open-decision witness', () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-witness-'));
    const [keyFile, state] = [join(dir, 'witness.key'), join(dir, 'witness-state.json')];
    const witness = (): Promise<{ code: number | null; stdout: string }> =>
      openDecision(
        'witness',
        system.baseUrl,
        '--log-key',
        keys.verifierKey,
        '--key-file',
        keyFile,
        '--state',
        state,
        '--name',
        'witness.example.org/w1',
      );
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('cosigns each checkpoint consistent with the last one it cosigned, and refuses a fork', async () => {
      const first = await witness();
      expect(first.code).toBe(0);
      const cosigner = asCosigner(
        parseVerifierKey(formatVerifierKey(parseSignerKey(readFileSync(keyFile, 'utf8').trim()))),
      );
      expect(cosignatureTime(first.stdout, cosigner)).toBeGreaterThan(1_700_000_000);
      expect(openCheckpoint(first.stdout, verifier, ORIGIN).size).toBeGreaterThan(0);
      await register();
      await checkpoint();
      expect((await witness()).code).toBe(0);
      const remembered = JSON.parse(readFileSync(state, 'utf8'));
      writeFileSync(state, JSON.stringify({ ...remembered, root: Buffer.alloc(32, 9).toString('base64') }));
      const refused = await witness();
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/^REFUSED: checkpoint \d+ is not consistent with checkpoint \d+ seen before/);
    });
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
