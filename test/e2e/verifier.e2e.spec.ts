import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { repoRoot } from '../support/env';
import { call, login } from '../support/http';
import { freePort } from '../support/ports';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';
const inDays = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command of the built verifier the way a user does, and waits for its exit status. */
function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: repoRoot(), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const verifierMain = (): string => {
  const main = join(repoRoot(), 'dist', 'apps', 'verifier', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first.`);
  return main;
};
const verify = (...args: string[]): Promise<Run> => run(process.execPath, [verifierMain(), 'verify', ...args]);

type Tamper = (entries: PublicLogEntry[]) => PublicLogEntry[];

/**
 * A man in the middle: forwards every GET to the gateway, but passes the timeline of one decision
 * through `tamper` (the served head is left as the gateway sent it). The real log is never touched.
 */
async function startTamperingProxy(
  target: string,
  decisionId: string,
): Promise<{ url: string; tamper: Tamper | undefined; close(): Promise<void> }> {
  const state: { tamper: Tamper | undefined } = { tamper: undefined };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const upstream = await fetch(`${target}${request.url ?? '/'}`);
      let body = await upstream.text();
      if (state.tamper && request.url === `/api/v1/public/decisions/${decisionId}/timeline`) {
        const timeline = JSON.parse(body) as { entries: PublicLogEntry[]; head: unknown };
        body = JSON.stringify({ entries: state.tamper(timeline.entries), head: timeline.head });
      }
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      response.end(body);
    })().catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    get tamper() {
      return state.tamper;
    },
    set tamper(tamper: Tamper | undefined) {
      state.tamper = tamper;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the verifier command against a running deployment', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let proxy: Awaited<ReturnType<typeof startTamperingProxy>>;
  let acted: string;
  let registered: string;
  let head: { seq: number; hash: string };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('verifier') });
    const tokens = {
      drafter: await login(system.baseUrl, 'drafter', PASSWORD),
      reviewer: await login(system.baseUrl, 'reviewer', PASSWORD),
    };
    const act = async (token: string, path: string, json: object = {}): Promise<any> => {
      const reply = await call(system.baseUrl, 'POST', path, { token, json });
      if (reply.status >= 300) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    registered = (await act(tokens.drafter, '/api/v1/decisions', aRegistration({ title: '只登记的决策' }))).decisionId;
    acted = (await act(tokens.drafter, '/api/v1/decisions', aRegistration())).decisionId;
    const on = (action: string): string => `/api/v1/decisions/${acted}/${action}`;
    await act(tokens.drafter, on('draft-versions'), { draft: '第一条 …', basis: '依据', explanation: '起草说明' });
    await act(tokens.drafter, on('consultation-plan'), {
      channels: ['online', 'hearing'],
      opensAt: inDays(1),
      closesAt: inDays(35),
    });
    const submitted = await act(tokens.drafter, on('submit-for-publication'));
    await act(tokens.reviewer, on('approve'), { reviewId: submitted.reviews.at(-1).id });
    await act(tokens.drafter, on('hearings'), {
      date: inDays(8),
      place: '市政府第一会议室',
      selectionMethod: '随机抽取',
      participants: ['市民代表'],
    });
    const timeline = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${acted}/timeline`);
    expect(timeline.body.entries.length).toBeGreaterThanOrEqual(3);
    head = timeline.body.head;
    proxy = await startTamperingProxy(system.baseUrl, acted);
  }, 120_000); // the processes get 60 s to be ready (startSystem)

  afterEach(() => {
    if (proxy) proxy.tamper = undefined;
  });

  afterAll(async () => {
    await proxy?.close();
    await system?.stop();
    await db?.drop();
  });

  it('verifies every public decision of an honest deployment and exits 0', async () => {
    const result = await verify(system.baseUrl);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(`OK  ${acted}  ${head.seq} entries  head ${head.seq} ${head.hash.slice(0, 12)}`);
    expect(lines.filter((line) => line.startsWith(`OK  ${registered}  1 entry  head 1 `))).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      `2 decisions at ${system.baseUrl}: 2 OK, 0 FAIL, 0 ERR — every chain verifies (全部验证通过)`,
    );
  });

  it('runs as `npx open-decision` from the repository', async () => {
    const result = await run('npx', ['--no-install', 'open-decision', 'verify', system.baseUrl, acted]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`OK  ${acted}  ${head.seq} entries  head ${head.seq} ${head.hash.slice(0, 12)}`);
  });

  it('reports one decision as JSON with the head the gateway serves', async () => {
    const result = await verify(system.baseUrl, acted, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      baseUrl: system.baseUrl,
      decisionId: acted,
      ok: true,
      exitCode: 0,
      summary: { decisions: 1, ok: 1, fail: 0, error: 0 },
      results: [{ status: 'ok', decisionId: acted, entries: head.seq, head }],
    });
  });

  it('passes a proxy that changes nothing', async () => {
    expect((await verify(proxy.url)).code).toBe(0);
  });

  it.each<[string, Tamper, RegExp]>([
    [
      'one entry’s data altered',
      (entries) => entries.map((e) => (e.seq === 2 ? { ...e, data: { ...e.data, title: '被篡改的标题' } } : e)),
      /^FAIL (\S+) seq 2: the content does not match its hash/m,
    ],
    [
      'one entry removed',
      (entries) => entries.filter((e) => e.seq !== 2),
      /^FAIL (\S+) seq 2: seq 2 is missing \(the next entry is seq 3\)$/m,
    ],
    [
      'two entries swapped',
      (entries) => [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)],
      /^FAIL (\S+) seq 2: seq 3 stands where seq 2 belongs/m,
    ],
    [
      'the last entry withheld',
      (entries) => entries.slice(0, -1),
      /^FAIL (\S+) seq \d+: the served head \(seq \d+ [0-9a-f]{12}…\) is not the last entry/m,
    ],
  ])('fails a timeline with %s, naming the seq, and exits 1', async (_name, tamper, line) => {
    proxy.tamper = tamper;
    const result = await verify(proxy.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(line);
    expect(line.exec(result.stdout)?.[1]).toBe(acted);
    expect(result.stdout).toMatch(new RegExp(`^OK  ${registered}  `, 'm'));
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/: 1 OK, 1 FAIL, 0 ERR — NOT VERIFIED/);
  });

  it('names the problem and the values compared in --json', async () => {
    proxy.tamper = (entries) => entries.filter((e) => e.seq !== 2);
    const result = await verify(proxy.url, acted, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results).toEqual([
      {
        status: 'fail',
        decisionId: acted,
        entries: head.seq - 1,
        seq: 2,
        problem: 'gap',
        reason: 'seq 2 is missing (the next entry is seq 3)',
        expected: 2,
        actual: 3,
      },
    ]);
  });

  it('exits 2 when a decision is unknown or the deployment is unreachable, and on bad usage', async () => {
    const unknown = await verify(system.baseUrl, 'no-such-decision');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toMatch(/^ERR {2}no-such-decision: GET \S+ HTTP 404/m);
    const unreachable = await verify(`http://127.0.0.1:${await freePort()}`);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/ECONNREFUSED/);
    expect((await verify()).code).toBe(2);
    expect((await verify('not a url')).code).toBe(2);
    const help = await run(process.execPath, [verifierMain(), '--help']);
    expect([help.code, help.stdout]).toEqual([
      0,
      expect.stringContaining('Usage: open-decision verify <base-url> [decision-id]'),
    ]);
  });
});
