import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { repoRoot } from '../support/env';
import { call, login } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';

const ADMIN_PASSWORD = 'first-admin-passphrase-2026';
const STAFF_PASSWORD = 'drafter-passphrase-2026';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `open-decision <args>` as an operator runs it: the built bin, the password on stdin or in the environment. */
function openDecision(
  args: string[],
  options: { databaseUrl: string; stdin?: string; env?: Record<string, string> },
): Promise<CliRun> {
  const bin = join(repoRoot(), 'dist', 'apps', 'verifier', 'src', 'main.js');
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: options.databaseUrl, ...options.env },
    stdio: 'pipe',
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ...out });
    }),
  );
}

async function rowCounts(db: TestDatabase): Promise<number[]> {
  const dataSource = await openDatabase(db.config, { migrate: false });
  try {
    const result: number[] = [];
    for (const table of ['units', 'accounts', 'admin_events'])
      result.push(Number(((await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string }])[0].n));
    return result;
  } finally {
    await dataSource.destroy();
  }
}

describe.each(databaseKinds())(
  'the first administrator of a clean database, with open-decision create-admin, on %s',
  (kind) => {
    let db: TestDatabase;
    let system: TestSystem | undefined;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
    }, 120_000); // the processes get 60 s to be ready (startSystem)

    afterAll(async () => {
      await system?.stop();
      await db?.drop();
    });

    it('creates the administrator and its unit from a password on stdin, in a database nothing had set up', async () => {
      const created = await openDecision(['create-admin', '--username', 'chief'], {
        databaseUrl: db.url,
        stdin: `${ADMIN_PASSWORD}\n`,
      });
      expect([created.code, created.stdout.trim()]).toEqual([
        0,
        'Administrator chief created in unit admin (unit admin created).',
      ]);
      expect(created.stdout + created.stderr).not.toContain(ADMIN_PASSWORD);
      expect(await rowCounts(db)).toEqual([1, 1, 2]);
    });

    it('says so on a second run with the same username, refuses a weak password, and changes nothing', async () => {
      const again = await openDecision(['create-admin', '--username', 'chief'], {
        databaseUrl: db.url,
        env: { OPEN_DECISION_ADMIN_PASSWORD: 'another-long-passphrase' },
      });
      expect([again.code, again.stdout.trim()]).toEqual([
        0,
        'An account named chief already exists; nothing was changed.',
      ]);
      const weak = await openDecision(['create-admin', '--username', 'deputy'], {
        databaseUrl: db.url,
        stdin: 'short\n',
      });
      expect([weak.code, weak.stderr.trim()]).toEqual([1, 'open-decision: refused: PASSWORD_TOO_SHORT']);
      expect(await rowCounts(db)).toEqual([1, 1, 2]);
    });

    it('lets the administrator sign in over HTTP and set up a unit and a drafter, who works', async () => {
      system = await startSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue(`create-admin-${kind}`) });
      const refused = await call(system.baseUrl, 'POST', '/api/v1/auth/login', {
        json: { username: 'chief', password: 'another-long-passphrase' },
      });
      expect(refused.status).toBe(401);
      const admin = await login(system.baseUrl, 'chief', ADMIN_PASSWORD);
      const unit = await call(system.baseUrl, 'POST', '/api/v1/admin/units', {
        token: admin,
        json: { id: 'transport', name: '交通运输局', nameEn: 'Transport bureau' },
      });
      expect(unit.status).toBe(201);
      const account = await call(system.baseUrl, 'POST', '/api/v1/admin/accounts', {
        token: admin,
        json: { username: 'transport-drafter', password: STAFF_PASSWORD, unit: 'transport', role: 'drafter' },
      });
      expect(account.status).toBe(201);
      const drafter = await login(system.baseUrl, 'transport-drafter', STAFF_PASSWORD);
      const decisions = await call(system.baseUrl, 'GET', '/api/v1/decisions', { token: drafter });
      expect([decisions.status, decisions.body.total]).toEqual([200, 0]);
    });
  },
);
