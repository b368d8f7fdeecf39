import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { entryHashInput, GENESIS_HASH, type PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, publicLogLeaf, recordCheckpoint, seedDemoAccounts, sha256Hex } from '../../libs/persistence/src';
import {
  consistencyProof,
  generateSignerKey,
  inclusionProof,
  MemoryTree,
  parseSignerKey,
  rootHash,
  signCheckpoint,
} from '../../libs/transparency/src';
import { launchBrowser, newContext } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { repoRoot } from '../support/env';
import { eventually } from '../support/eventually';
import { call, login, publishForConsultation } from '../support/http';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { freePort } from '../support/ports';
import { uniqueTaskQueue } from '../support/temporal';

// Issue 19's acceptance: a deployment that lies — with its own signing key, so every lie is signed and
// every proof it serves is internally valid — is caught by `open-decision verify` (with its state file),
// by the browser verifier (with what it remembers in localStorage) and by `open-decision witness`, each
// naming what changed; the honest deployment passes all three.

const PASSWORD = 'e2e-password';
const ORIGIN = 'decisions.example.gov.cn/log';
const API = '/api/v1/public';

type Run = { code: number | null; stdout: string };

function openDecision(...args: string[]): Promise<Run> {
  const main = join(repoRoot(), 'dist', 'apps', 'verifier', 'src', 'main.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { timeout: 30_000 }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }),
    );
  });
}

/** Renumbers and rehashes one decision's entries so that its chain verifies on its own. */
function rechain(entries: PublicLogEntry[]): PublicLogEntry[] {
  let prevHash = GENESIS_HASH;
  return entries.map((entry, i) => {
    const body = { ...entry, seq: i + 1 };
    const hash = sha256Hex(entryHashInput(prevHash, body));
    const out = { ...body, prevHash, hash };
    prevHash = hash;
    return out;
  });
}

/**
 * What a lying deployment serves: its leaves in tree order (each decision's chain rebuilt from them),
 * and the decisions its catalogue lists. `honest` passes everything through to the real gateway.
 */
interface Lie {
  leaves: PublicLogEntry[];
  dropped?: string;
}

/** A proxy in front of the honest gateway that serves `lie` (signed with the log's key) when set. */
async function startLyingProxy(target: string, signerKey: string) {
  const signer = parseSignerKey(signerKey);
  let lie: Lie | null = null;
  /** Lines appended to the honest checkpoint note (witness cosignatures), when passing it through. */
  let cosignatures = '';
  let fake: {
    tree: MemoryTree;
    note: string;
    chains: Map<string, PublicLogEntry[]>;
    index: Map<string, number>;
  } | null = null;
  const json = (response: ServerResponse, status: number, body: unknown, type = 'application/json') =>
    response.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
  const notInTree = (response: ServerResponse) =>
    json(response, 404, { code: 'LOG_ENTRY_NOT_IN_TREE', status: 404 }, 'application/problem+json');

  const handle = (request: IncomingMessage, response: ServerResponse, liar: boolean) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://proxy');
      const upstream = await fetch(`${target}${url.pathname}${url.search}`, {
        headers: { accept: request.headers.accept ?? '*/*', 'accept-language': 'zh-CN' },
      });
      const type = upstream.headers.get('content-type') ?? 'text/plain';
      const body = Buffer.from(await upstream.arrayBuffer());
      const passed =
        url.pathname === `${API}/transparency/checkpoint` && upstream.ok
          ? `${body.toString('utf8')}${cosignatures}`
          : body;
      if (!fake || !lie || !liar) return void response.writeHead(upstream.status, { 'content-type': type }).end(passed);
      const [path, q, dropped] = [url.pathname, url.searchParams, lie.dropped];
      if (path === `${API}/decisions`) {
        const page = JSON.parse(body.toString('utf8')) as { items: { id: string }[]; total: number };
        const items = page.items.filter((item) => item.id !== dropped);
        return json(response, 200, { ...page, items, total: page.total - (page.items.length - items.length) });
      }
      const timeline = /^\/api\/v1\/public\/decisions\/([^/]+)\/timeline$/u.exec(path);
      if (timeline) {
        const entries = fake.chains.get(decodeURIComponent(timeline[1]!));
        if (!entries)
          return json(response, 404, { code: 'DECISION_NOT_FOUND', status: 404 }, 'application/problem+json');
        const head = entries.at(-1)!;
        return json(response, 200, {
          ...JSON.parse(body.toString('utf8')),
          entries,
          head: { seq: head.seq, hash: head.hash },
        });
      }
      if (path === `${API}/transparency/checkpoint`)
        return void response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(fake.note);
      const size = fake.tree.size;
      if (path === `${API}/transparency/inclusion`) {
        const leafIndex = q.has('leafIndex')
          ? Number(q.get('leafIndex'))
          : fake.index.get(`${q.get('decisionId')}/${q.get('seq')}`);
        const treeSize = q.has('treeSize') ? Number(q.get('treeSize')) : size;
        if (leafIndex === undefined || leafIndex >= treeSize || treeSize > size) return notInTree(response);
        const proof = inclusionProof(leafIndex, treeSize, fake.tree.lookup).map((h) => h.toString('base64'));
        return json(response, 200, { leafIndex, treeSize, proof });
      }
      if (path === `${API}/transparency/consistency`) {
        const [first, second] = [Number(q.get('first')), q.has('second') ? Number(q.get('second')) : size];
        if (second > size || first > second)
          return json(response, 422, { code: 'TREE_SIZE_OUT_OF_RANGE', status: 422 }, 'application/problem+json');
        const proof = consistencyProof(first, second, fake.tree.lookup).map((h) => h.toString('base64'));
        return json(response, 200, { first, second, proof });
      }
      response.writeHead(upstream.status, { 'content-type': type }).end(body);
    })().catch((error: unknown) => response.writeHead(502).end(String(error)));
  };
  // `url` serves the lie when one is set; `honestUrl` never does: the same deployment showing one view to
  // some clients and another to others (a fork) when a lie is set.
  const server = createServer((request, response) => handle(request, response, true));
  const honest = createServer((request, response) => handle(request, response, false));
  const [port, honestPort] = [await freePort(), await freePort()];
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => honest.listen(honestPort, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    honestUrl: `http://127.0.0.1:${honestPort}`,
    /** Adds witness cosignature lines to the honest checkpoint note. */
    cosign(lines: string): void {
      cosignatures = lines;
    },
    /** Serves `next` at `url` from now on (null: honest again). */
    serve(next: Lie | null): void {
      lie = next;
      if (!next) return void (fake = null);
      const tree = new MemoryTree();
      const byDecision = new Map<string, PublicLogEntry[]>();
      for (const entry of next.leaves)
        byDecision.set(entry.decisionId, [...(byDecision.get(entry.decisionId) ?? []), entry]);
      const chains = new Map([...byDecision].map(([id, entries]) => [id, rechain(entries)]));
      const cursor = new Map<string, number>();
      const index = new Map<string, number>();
      for (const entry of next.leaves) {
        const seq = (cursor.get(entry.decisionId) ?? 0) + 1;
        cursor.set(entry.decisionId, seq);
        const served = chains.get(entry.decisionId)![seq - 1]!;
        index.set(`${entry.decisionId}/${seq}`, tree.size);
        tree.appendLeaf(publicLogLeaf(served));
      }
      const note = signCheckpoint({ origin: ORIGIN, size: tree.size, root: rootHash(tree.size, tree.lookup) }, signer);
      fake = { tree, note, chains, index };
    },
    close: () =>
      Promise.all([server, honest].map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(
        () => undefined,
      ),
  };
}

describe('a lying deployment is caught by the verifier, the browser verifier and a witness', () => {
  const keys = generateSignerKey(ORIGIN);
  const dir = mkdtempSync(join(tmpdir(), 'od-lying-'));
  let db: TestDatabase;
  let dataSource: DataSource;
  let system: MediumSystem;
  let proxy: Awaited<ReturnType<typeof startLyingProxy>>;
  let browser: Browser;
  /** Every public entry, in the honest tree's order. */
  let leaves: PublicLogEntry[];
  let [first, second]: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('lying'),
      gatewayEnv: { TLOG_VERIFIER_KEY: keys.verifierKey },
    });
    const tokens: Record<string, string> = {};
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const reply = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration(),
      });
      ids.push(reply.body.decisionId as string);
    }
    [first, second] = ids;
    const timeline = async (id: string, atLeast: number) =>
      eventually(
        async () => {
          const reply = await call(system.baseUrl, 'GET', `${API}/decisions/${id}/timeline`);
          return (
            reply.status === 200 && reply.body.entries.length >= atLeast && (reply.body.entries as PublicLogEntry[])
          );
        },
        { what: `${atLeast} entries in the public log of ${id}` },
      );
    await timeline(second!, 1);
    // The first decision gets more entries (published for consultation), newest of all.
    await timeline(first!, 1);
    const opensAt = new Date(Date.now() + 3_600_000).toISOString();
    await publishForConsultation(system.baseUrl, tokens, first!, {
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 86_400_000).toISOString(),
    });
    const chains = [await timeline(first!, 2), await timeline(second!, 1)];
    await recordCheckpoint(dataSource, parseSignerKey(keys.signerKey), new Date());
    const placed = await Promise.all(
      chains.flat().map(async (entry) => {
        const query = `decisionId=${entry.decisionId}&seq=${entry.seq}`;
        const reply = await call(system.baseUrl, 'GET', `${API}/transparency/inclusion?${query}`);
        return { entry, leafIndex: reply.body.leafIndex as number };
      }),
    );
    leaves = placed.sort((a, b) => a.leafIndex - b.leafIndex).map((p) => p.entry);
    expect(leaves.map((_, i) => i)).toEqual(placed.map((p) => p.leafIndex));
    proxy = await startLyingProxy(system.baseUrl, keys.signerKey);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await system?.stop();
    await dataSource?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Checks `lie` with all three, each after an honest run that remembers the honest deployment. */
  async function catchLie(name: string, lie: Lie): Promise<{ cli: string; browser: string; witness: string }> {
    const state = join(dir, `${name}-verify.json`);
    const witnessArgs = [
      'witness',
      proxy.url,
      '--log-key',
      keys.verifierKey,
      '--key-file',
      join(dir, 'witness.key'),
      '--state',
      join(dir, `${name}-witness.json`),
      '--name',
      'witness.example.org/w1',
    ];
    const context = await newContext(browser);
    const page = await context.newPage();
    const browserVerdict = async (decisionId: string) => {
      await page.goto(`${proxy.url}/decisions/${decisionId}/verify?lang=en`);
      const status = page.locator('#verify-log[data-verdict]');
      await status.waitFor();
      return { verdict: await status.getAttribute('data-verdict'), text: (await status.textContent()) ?? '' };
    };
    try {
      proxy.serve(null);
      expect(await openDecision('verify', proxy.url, '--log-key', keys.verifierKey, '--state', state)).toMatchObject({
        code: 0,
      });
      expect(await openDecision(...witnessArgs)).toMatchObject({ code: 0 });
      expect(await browserVerdict(second!)).toMatchObject({ verdict: 'ok' });
      expect(await browserVerdict(first!)).toMatchObject({ verdict: 'ok' });

      proxy.serve(lie);
      const cli = await openDecision('verify', proxy.url, '--log-key', keys.verifierKey, '--state', state);
      const witness = await openDecision(...witnessArgs);
      const seen = await browserVerdict(first!);
      expect({ cli: cli.code, witness: witness.code, browser: seen.verdict }).toEqual({
        cli: 1,
        witness: 1,
        browser: 'fail',
      });
      return { cli: cli.stdout, browser: seen.text, witness: witness.stdout };
    } finally {
      proxy.serve(null);
      await context.close();
    }
  }

  /**
   * The browser verifier's log verdict on one decision at `baseUrl`, in a fresh context; `remembered`: the
   * checkpoint it is given as already seen (what it keeps in localStorage, here from a witness's note).
   */
  async function browserOn(baseUrl: string, decisionId: string, remembered?: { size: number; root: string }) {
    const context = await newContext(browser);
    try {
      if (remembered) {
        const [key, value] = [`open-decision:tlog:${ORIGIN}`, JSON.stringify({ ...remembered, decisions: {} })];
        await context.addInitScript({
          content: `try { if (!localStorage.getItem(${JSON.stringify(key)})) localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)}); } catch {}`,
        });
      }
      const page = await context.newPage();
      await page.goto(`${baseUrl}/decisions/${decisionId}/verify?lang=en`);
      const status = page.locator('#verify-log[data-verdict]');
      await status.waitFor();
      return {
        verdict: await status.getAttribute('data-verdict'),
        problem: await status.getAttribute('data-problem'),
        text: (await status.textContent()) ?? '',
      };
    } finally {
      await context.close();
    }
  }

  const honestIndexOf = (decisionId: string, seq: number) =>
    leaves.findIndex((e) => e.decisionId === decisionId && e.seq === seq);

  it('passes the honest deployment with all three, witness cosignatures beside the log signature included', async () => {
    const state = join(dir, 'honest.json');
    const witness = (): Promise<Run> =>
      openDecision(
        'witness',
        proxy.url,
        '--log-key',
        keys.verifierKey,
        '--key-file',
        join(dir, 'honest-witness.key'),
        '--state',
        join(dir, 'honest-witness.json'),
        '--name',
        'witness.example.org/honest',
      );
    const run = await openDecision('verify', proxy.url, '--log-key', keys.verifierKey, '--state', state);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/LOG OK {2}checkpoint of \d+ leaves/);
    const cosigned = await witness();
    expect(cosigned.code).toBe(0);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${proxy.url}/decisions/${first}/verify`);
    await page.locator('#verify-log[data-verdict]').waitFor();
    expect(await page.locator('#verify-log').getAttribute('data-problem')).toBe('log_first');
    // Another witness's cosignature served with the checkpoint (C2SP signed-note: other keys' lines are skipped).
    proxy.cosign(cosigned.stdout.split('\n\n')[1]!.split('\n').slice(1).join('\n'));
    try {
      await page.reload();
      await page.locator('#verify-log[data-verdict]').waitFor();
      expect(await page.locator('#verify-log').getAttribute('data-verdict')).toBe('ok');
      expect(await page.locator('#verify-log').textContent()).toContain(`检查点签名有效`);
      expect(await openDecision('verify', proxy.url, '--log-key', keys.verifierKey, '--state', state)).toMatchObject({
        code: 0,
      });
      expect((await witness()).code).toBe(0);
    } finally {
      proxy.cosign('');
      await context.close();
    }
  });

  it('(a) an altered entry', async () => {
    const at = honestIndexOf(first!, 2);
    const altered = leaves.map((e, i) => (i === at ? { ...e, data: { ...e.data, altered: true } } : e));
    const found = await catchLie('altered', { leaves: altered });
    expect(found.cli).toMatch(
      /LOG FAIL: checkpoint \d+ is not consistent with checkpoint \d+ seen before .*two different roots/,
    );
    expect(found.cli).toMatch(new RegExp(`FAIL ${first} .*entry \\d+ changed since it was seen`));
    expect(found.browser).toMatch(new RegExp(`entry \\d+ of decision ${first} changed since this browser saw it`));
    expect(found.witness).toMatch(/^REFUSED: checkpoint \d+ is not consistent with checkpoint \d+ seen before/);
  });

  it('(b) a removed entry', async () => {
    const at = honestIndexOf(first!, 2);
    const found = await catchLie('removed', { leaves: leaves.filter((_, i) => i !== at) });
    const n = leaves.length;
    expect(found.cli).toMatch(new RegExp(`LOG FAIL: the tree shrank from ${n} to ${n - 1} leaves`));
    expect(found.browser).toMatch(new RegExp(`decision ${first} (had \\d+ entries and now has|.*changed since)`));
    expect(found.witness).toMatch(new RegExp(`^REFUSED: the tree shrank from ${n} to ${n - 1} leaves`));
  });

  it('(c) two entries reordered (each chain intact: only the tree tells)', async () => {
    const i = leaves.findIndex((e, k) => k > 0 && e.decisionId !== leaves[k - 1]!.decisionId);
    const swapped = [...leaves];
    [swapped[i - 1], swapped[i]] = [swapped[i]!, swapped[i - 1]!];
    const found = await catchLie('reordered', { leaves: swapped });
    expect(found.cli).toMatch(/LOG FAIL: checkpoint \d+ is not consistent .*two different roots for size \d+/);
    expect(found.browser).toMatch(/history rewritten or forked/);
    expect(found.witness).toMatch(/^REFUSED: checkpoint \d+ is not consistent .*two different roots/);
  });

  it('(d) the newest entry withheld', async () => {
    const newest = leaves.at(-1)!;
    const found = await catchLie('withheld', { leaves: leaves.slice(0, -1) });
    expect(found.cli).toMatch(/LOG FAIL: the tree shrank/);
    expect(found.cli).toMatch(
      new RegExp(`FAIL ${newest.decisionId} .*had ${newest.seq} entries and now has ${newest.seq - 1}`),
    );
    expect(found.browser).toMatch(
      new RegExp(`decision ${newest.decisionId} had ${newest.seq} entries and now has ${newest.seq - 1}`),
    );
    expect(found.witness).toMatch(/^REFUSED: the tree shrank/);
  });

  it('(e) a decision dropped from the catalogue', async () => {
    const found = await catchLie('dropped', {
      leaves: leaves.filter((e) => e.decisionId !== second),
      dropped: second!,
    });
    expect(found.cli).toMatch(new RegExp(`FAIL ${second} .*is gone from the catalogue`));
    expect(found.browser).toMatch(new RegExp(`decision ${second} was public with \\d+ entries and is gone`));
    expect(found.witness).toMatch(/^REFUSED: the tree shrank/);
  });

  it('(f) a rewritten history with a consistent new tree', async () => {
    const rewritten = leaves.map((e) =>
      e.decisionId === first && e.seq === 1 ? { ...e, data: { ...e.data, rewritten: true } } : e,
    );
    const extra = { ...leaves.find((e) => e.decisionId === first)!, data: { note: 'appended to look like growth' } };
    const found = await catchLie('rewritten', { leaves: [...rewritten, extra] });
    const n = leaves.length;
    expect(found.cli).toMatch(
      new RegExp(
        `LOG FAIL: checkpoint ${n + 1} is not consistent with checkpoint ${n} seen before \\(history rewritten or forked\\)`,
      ),
    );
    expect(found.browser).toMatch(new RegExp(`decision ${first} changed since this browser saw it`));
    expect(found.witness).toMatch(
      new RegExp(`^REFUSED: checkpoint ${n + 1} is not consistent with checkpoint ${n} seen before`),
    );
  });

  it('(g) a forked tree: each view satisfies its own clients, and is caught where the views meet', async () => {
    const n = leaves.length;
    const at = honestIndexOf(second!, 1);
    const forked = leaves.map((e, i) => (i === at ? { ...e, data: { ...e.data, forked: true } } : e));
    const extra = { ...leaves.find((e) => e.decisionId === first)!, data: { note: 'shown to some clients only' } };
    const verify = (url: string, state: string) =>
      openDecision('verify', url, '--log-key', keys.verifierKey, '--state', join(dir, state));
    const witness = (url: string) =>
      openDecision(
        'witness',
        url,
        '--log-key',
        keys.verifierKey,
        '--key-file',
        join(dir, 'fork-witness.key'),
        '--state',
        join(dir, 'fork-witness.json'),
        '--name',
        'witness.example.org/fork',
      );
    // Client X sees the honest tree: its verifier passes and a witness cosigns it.
    expect(await verify(proxy.honestUrl, 'fork-x.json')).toMatchObject({ code: 0 });
    const cosigned = await witness(proxy.honestUrl);
    expect(cosigned.code).toBe(0);
    const [, size, root] = cosigned.stdout.split('\n');
    expect(Number(size)).toBe(n);
    const views = [
      { name: 'same-size', lie: forked, size: n, problem: 'log_fork' },
      { name: 'larger', lie: [...forked, extra], size: n + 1, problem: 'log_forked' },
    ];
    for (const view of views) {
      // Meanwhile client Y is served another tree, its checkpoint validly signed with the log's key.
      proxy.serve({ leaves: view.lie });
      try {
        // Each client alone is satisfied: Y's first verifier run and Y's browser accept Y's view…
        expect(await verify(proxy.url, `fork-y-${view.name}.json`)).toMatchObject({ code: 0 });
        expect(await browserOn(proxy.url, first!)).toMatchObject({ verdict: 'ok', problem: 'log_first' });
        expect(await verify(proxy.honestUrl, 'fork-x.json')).toMatchObject({ code: 0 });
        // …and where the views meet, the fork is caught: X's witness, a verifier state from X's view, and
        // a browser given the witness-cosigned checkpoint.
        const refused = await witness(proxy.url);
        copyFileSync(join(dir, 'fork-x.json'), join(dir, `fork-xy-${view.name}.json`));
        const cli = await verify(proxy.url, `fork-xy-${view.name}.json`);
        const seen = await browserOn(proxy.url, first!, { size: Number(size), root: root! });
        expect({ witness: refused.code, cli: cli.code, browser: seen.verdict, problem: seen.problem }).toEqual({
          witness: 1,
          cli: 1,
          browser: 'fail',
          problem: view.problem,
        });
        const why =
          view.size === n
            ? `\\(history rewritten or forked: two signed checkpoints of size ${n} with different roots\\)`
            : '\\(history rewritten or forked\\)';
        const inconsistent = `checkpoint ${view.size} is not consistent with checkpoint ${n} seen before ${why}`;
        expect(refused.stdout).toMatch(new RegExp(`^REFUSED: ${inconsistent}`));
        expect(cli.stdout).toMatch(new RegExp(`LOG FAIL: ${inconsistent}`));
        expect(cli.stdout).toMatch(new RegExp(`FAIL ${second} .*entry 1 changed since it was seen`));
        expect(seen.text).toMatch(
          view.size === n
            ? `history rewritten or forked. The deployment signed two checkpoints of ${n} entries with different roots`
            : `history rewritten or forked. The checkpoint of ${n + 1} entries is not consistent with the checkpoint of ${n} entries`,
        );
      } finally {
        proxy.serve(null);
      }
    }
  });
});
