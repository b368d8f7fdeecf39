import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, recordCheckpoint, seedDemoAccounts } from '../../libs/persistence/src';
import {
  asCosigner,
  cosignatureTime,
  cosignCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  openCheckpoint,
  parseCheckpointText,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
} from '../../libs/transparency/src';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { repoRoot } from '../support/env';
import { eventually } from '../support/eventually';
import { call, login } from '../support/http';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';
const ORIGIN = 'decisions.example.gov.cn/log';
const API = '/api/v1/public/transparency';

/** Runs a command of the built verifier as a user does: exit status, stdout and stderr. */
function openDecision(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const main = join(repoRoot(), 'dist', 'apps', 'verifier', 'src', 'main.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** Go's independent implementations (tools/tlog-interop); skipped only when no `go` is on the PATH. */
const hasGo = (() => {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs one test of tools/tlog-interop with `env`; its output, or the failure with it. */
function goTest(name: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'go',
      ['test', '-count=1', '-v', '-run', `^${name}$`, './...'],
      {
        cwd: join(repoRoot(), 'tools', 'tlog-interop'),
        env: { ...process.env, ...env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
        timeout: 170_000,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`go test failed:\n${stdout}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

const witnessKey = (name: string) => {
  const keys = generateSignerKey(name);
  const signer = asCosigner(parseSignerKey(keys.signerKey));
  return { signerKey: keys.signerKey, signer, vkey: formatVerifierKey(signer) };
};

describe('witness cosignatures over HTTP', () => {
  const log = generateSignerKey(ORIGIN);
  const [w1, w2, stranger] = ['witness.example.org/w1', 'court.example.cn/w2', 'stranger.example/w'].map(witnessKey);
  const dir = mkdtempSync(join(tmpdir(), 'od-cosign-'));
  const keyFile = join(dir, 'w1.key');
  let db: TestDatabase;
  let dataSource: DataSource;
  let system: MediumSystem;
  let signed: string;

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${system.baseUrl}${API}/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
      body,
    });
  const cosigned = (note: string, witness: typeof w1, time = Math.floor(Date.now() / 1000)) =>
    note + cosignCheckpoint(parseCheckpointText(parseNote(note).text), witness!.signer, time);
  const witness = () =>
    openDecision(
      'witness',
      system.baseUrl,
      '--log-key',
      log.verifierKey,
      '--key-file',
      keyFile,
      '--state',
      join(dir, 'state.json'),
      '--submit',
    );

  beforeAll(async () => {
    writeFileSync(keyFile, `${w1!.signerKey}\n`, { mode: 0o600 });
    db = await createTestDatabase('sqlite');
    dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('cosign'),
      gatewayEnv: { TLOG_VERIFIER_KEY: log.verifierKey, TLOG_WITNESSES: `${w1!.vkey}, ${w2!.vkey}` },
    });
    const token = await login(system.baseUrl, 'drafter', PASSWORD);
    const reply = await call(system.baseUrl, 'POST', '/api/v1/decisions', { token, json: aRegistration() });
    await eventually(
      async () => {
        const timeline = await call(
          system.baseUrl,
          'GET',
          `/api/v1/public/decisions/${reply.body.decisionId}/timeline`,
        );
        return timeline.status === 200 && (timeline.body.entries as PublicLogEntry[]).length > 0;
      },
      { what: 'the public log of the decision' },
    );
    signed = (await recordCheckpoint(dataSource, parseSignerKey(log.signerKey), new Date()))!.note;
  });
  afterAll(async () => {
    await system?.stop();
    await dataSource?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists no cosigner on the verify page before any witness cosigned', async () => {
    const page = await call(system.baseUrl, 'GET', '/verify?lang=en');
    expect(page.body).toContain('No witness configured here has cosigned the latest checkpoint yet.');
  });

  it('keeps the cosignature open-decision witness --submit sends, and answers a re-submission 200', async () => {
    const first = await witness();
    expect([first.code, first.stderr]).toEqual([0, 'SUBMITTED: HTTP 201, cosignature kept\n']);
    const again = await witness();
    expect([again.code, again.stderr]).toEqual([0, 'SUBMITTED: HTTP 200, cosignature already kept\n']);
    expect((await openDecision('witness', '--key-file', keyFile, '--print-key')).stdout).toBe(`${w1!.vkey}\n`);
  });

  it('takes the JSON form too, and honours Idempotency-Key', async () => {
    const note = cosigned(signed, w2);
    const json = (body: unknown, key: string) =>
      fetch(`${system.baseUrl}${API}/cosignatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const created = await json({ note }, 'court-1');
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      treeSize: parseCheckpointText(parseNote(signed).text).size,
      added: 1,
      cosignatures: [{ witness: 'court.example.cn/w2', keyHash: expect.stringMatching(/^[0-9a-f]{8}$/) }],
    });
    const replay = await json({ note }, 'court-1');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    const reused = await json({ note: cosigned(signed, w2, 1_700_000_000) }, 'court-1');
    expect([reused.status, ((await reused.json()) as { code: string }).code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('serves the checkpoint with every kept cosignature: a valid multi-signature note', async () => {
    const note = await (await fetch(`${system.baseUrl}${API}/checkpoint`)).text();
    expect(openCheckpoint(note, parseVerifierKey(log.verifierKey), ORIGIN).size).toBeGreaterThan(0);
    for (const w of [w1, w2]) expect(cosignatureTime(note, parseVerifierKey(w!.vkey))).toBeGreaterThan(1_700_000_000);
    expect(parseNote(note).signatures.map((s) => s.name)).toEqual([
      ORIGIN,
      'witness.example.org/w1',
      'court.example.cn/w2',
    ]);
  });

  (hasGo ? it : it.skip)(
    'serves a note that Go opens: sumdb/note checks the log’s signature, transparency-dev/formats each cosignature',
    async () => {
      const note = await (await fetch(`${system.baseUrl}${API}/checkpoint`)).text();
      const witnesses = [w1, w2].map((w) => ({
        vkey: w!.vkey,
        time: cosignatureTime(note, parseVerifierKey(w!.vkey)),
      }));
      const served = join(dir, 'served.json');
      writeFileSync(served, JSON.stringify({ origin: ORIGIN, logVerifierKey: log.verifierKey, note, witnesses }));
      expect(await goTest('TestServedCheckpoint', { TLOG_INTEROP_SERVED: served })).toContain(
        '--- PASS: TestServedCheckpoint',
      );
    },
    180_000,
  );

  it('lists the witnesses that cosigned the latest checkpoint on the verify page, in both languages', async () => {
    for (const [lang, words] of [
      ['zh-CN', '以下见证人独立核对了这个检查点'],
      ['en', 'These witnesses checked independently'],
    ] as const) {
      const page = String((await call(system.baseUrl, 'GET', `/verify?lang=${lang}`)).body);
      expect([lang, page.includes(words)]).toEqual([lang, true]);
      expect(page).toMatch(/<strong>witness\.example\.org\/w1<\/strong> · <time datetime="[^"]+Z">/);
      expect(page).toContain('<strong>court.example.cn/w2</strong>');
      expect(page).not.toContain('stranger.example');
    }
  });

  it('refuses what is not a configured witness’s valid cosignature of a checkpoint it signed, with problem+json', async () => {
    const text = parseNote(signed).text;
    const checkpoint = parseCheckpointText(text);
    const forged = signCheckpoint({ ...checkpoint, root: Buffer.alloc(32, 1) }, parseSignerKey(log.signerKey));
    const wrongLine = cosignCheckpoint({ ...checkpoint, size: checkpoint.size + 1 }, w1!.signer, 1_765_000_000);
    const cases: [string, string, string][] = [
      ['an unknown witness', cosigned(signed, stranger), 'UNKNOWN_WITNESS'],
      ['a signature over another checkpoint', signed + wrongLine, 'COSIGNATURE_INVALID'],
      ['a time in the future', cosigned(signed, w1, Math.floor(Date.now() / 1000) + 86_400), 'COSIGNATURE_INVALID'],
      ['a checkpoint of another root', cosigned(forged, w1), 'CHECKPOINT_NOT_ISSUED'],
      [
        'a checkpoint of a size never signed',
        cosigned(signCheckpoint({ ...checkpoint, size: 99 }, parseSignerKey(log.signerKey)), w1),
        'CHECKPOINT_NOT_ISSUED',
      ],
      ['no note at all', 'hello', 'COSIGNED_NOTE_MALFORMED'],
      ['a note with no cosignature', signed, 'COSIGNED_NOTE_MALFORMED'],
      [
        'a note whose text is no checkpoint',
        cosigned(signed, w1).replace(/^[^\n]+\n\d+\n/u, 'x\ny\n'),
        'COSIGNED_NOTE_MALFORMED',
      ],
    ];
    for (const [what, body, code] of cases) {
      const reply = await post(body);
      const problem = (await reply.json()) as { code: string };
      expect({ what, status: reply.status, code: problem.code }).toEqual({ what, status: 422, code });
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const bad = await call(system.baseUrl, 'POST', `${API}/cosignatures`, { json: { notes: signed } });
    expect([bad.status, bad.body.code]).toEqual([422, 'VALIDATION_FAILED']);
  });
});
