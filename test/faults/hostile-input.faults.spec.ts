import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { openConsultation, prepareDatabase, PASSWORD, query } from './support/consultation';
import { hostileClient, inParallel, type HostileAnswer } from './support/hostile-http';
import { apiRoutes, generateRequest, PAGE_ROUTES, seededRandom, type FuzzContext } from './support/hostile-requests';
import { record } from './support/ledger';

const FUZZ_REQUESTS = 10_000;
const SEED = 1313;
const BASE = 'https://decisions.example.gov.cn';
/** A stack trace in a log line: the logger's `stack` field or a V8 frame. */
const STACK_TRACE = /"stack"|\n\s+at \S+ \(|\\n\s+at /;
const KIND = databaseKinds().includes('postgres') ? 'postgres' : 'sqlite';

async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const tables =
    db.name === 'sqlite'
      ? await query<{ name: string }>(
          db.config,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await query<{ name: string }>(db.config, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number(
      (await query<{ n: number | string }>(db.config, `SELECT COUNT(*) AS n FROM "${name}"`))[0]!.n,
    );
  return counts;
}

/** Signs in through the console's form the way a browser does (nonce cookie, form token, Origin). */
async function consoleCookie(baseUrl: string): Promise<string> {
  const form = await fetch(`${baseUrl}/console/login`);
  const nonce = /(__Host-od_signin=[^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const signedIn = await fetch(`${baseUrl}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: nonce ?? '', origin: BASE },
    body: new URLSearchParams({
      username: 'drafter',
      password: PASSWORD,
      _csrf: csrf ?? '',
      next: '/console',
    }).toString(),
  });
  const session = /(__Host-od_console=[^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1];
  if (signedIn.status !== 303 || !session) throw new Error(`console sign-in failed: ${signedIn.status}`);
  return session;
}

/**
 * Issue 13, input hardening and the fuzz tier. One gateway + worker per database, served as if at an
 * https base URL, with the opinion and sign-in limits out of the way so that hostile input reaches the
 * parsers, validators and handlers instead of bouncing off a 429. First each finding of the security
 * test is reproduced as it was reported; then 10,000 generated hostile requests go over every route of
 * the OpenAPI document and every page, with and without staff credentials: no answer may be 5xx (or
 * missing), no refused write may leave a row in any table, and the gateway's log may hold no stack
 * trace, receipt or token.
 *
 * One database per run, to keep the tier at about a minute: PostgreSQL when TEST_DATABASE_URL is set (as
 * in CI; it is the stricter store — it refused a NUL with a 500 that SQLite stored), SQLite otherwise.
 * The gateway's input handling is the same code on both.
 */
describe(`hostile input over every endpoint (${KIND})`, () => {
  let db: TestDatabase;
  let system: TestSystem;
  let context: FuzzContext;
  let tokens: Record<'drafter' | 'reviewer' | 'manager', string>;

  beforeAll(async () => {
    db = await createTestDatabase(KIND);
    await prepareDatabase(db.config);
    const unlimited = '1000000';
    system = await startSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`faults-hostile-${KIND}`),
      gatewayEnv: {
        LOG_LEVEL: 'info',
        PUBLIC_BASE_URL: BASE,
        OPINION_BURST: unlimited,
        OPINION_RATE_PER_MINUTE: unlimited,
        COSIGNATURE_BURST: unlimited,
        COSIGNATURE_RATE_PER_MINUTE: unlimited,
        DISCLOSURE_BURST: unlimited,
        DISCLOSURE_RATE_PER_MINUTE: unlimited,
        LOGIN_MAX_FAILURES: unlimited,
        LOGIN_MAX_FAILURES_PER_CLIENT: unlimited,
      },
    });
    const opened = await openConsultation(system.baseUrl);
    tokens = opened.tokens;
    const submitted = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${opened.id}/opinions`, {
      json: { text: '建议延长公示期。' },
    });
    expect(submitted.status).toBe(201);
    // The cosignature limit's row exists before the fuzz, as the opinion limit's does after the opinion above.
    const cosignature = await call(system.baseUrl, 'POST', '/api/v1/public/transparency/cosignatures', {
      rawBody: 'not a note',
      headers: { 'content-type': 'text/plain' },
    });
    expect(cosignature.body.code).toBe('COSIGNED_NOTE_MALFORMED');
    // So do the disclosure limits' rows (applications and lookups): a refused application, a failed lookup.
    const application = await call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests', {
      json: {
        unit: 'unit-a',
        applicantKind: 'natural_person',
        applicantName: ' ',
        idDocumentType: 'passport',
        idDocumentNumber: 'E1234567',
        contact: { phone: '13800000000' },
        informationDescription: '信息',
        deliveryForm: 'electronic',
        deliveryWay: 'online',
      },
    });
    expect(application.body.code).toBe('DISCLOSURE_FIELD_REQUIRED');
    const lookup = await call(system.baseUrl, 'POST', '/api/v1/public/disclosure-requests/lookup', {
      json: { receipt: 'GK-0000-0000-0000-0', secret: 'x' },
    });
    expect(lookup.body.code).toBe('DISCLOSURE_LOOKUP_NOT_FOUND');
    context = {
      decisionId: opened.id,
      receipt: submitted.body.receipt as string,
      staffTokens: Object.values(tokens),
      consoleCookie: await consoleCookie(system.baseUrl),
      publicBaseUrl: BASE,
    };
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('answers JSON nested 4,000 deep with 400 JSON_TOO_DEEP on the sign-in, opinion and staff endpoints', async () => {
    const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const deepObject = `${'{"text":'.repeat(4000)}"x"${'}'.repeat(4000)}`;
    const targets: Array<[string, string | undefined]> = [
      ['/api/v1/auth/login', undefined],
      [`/api/v1/public/decisions/${context.decisionId}/opinions`, undefined],
      [`/api/v1/decisions/${context.decisionId}/answers`, tokens.drafter],
      [`/api/v1/decisions/${context.decisionId}/draft-versions`, tokens.drafter],
      ['/api/v1/decisions', tokens.drafter],
    ];
    for (const [path, token] of targets) {
      for (const body of [deep, deepObject]) {
        const reply = await call(system.baseUrl, 'POST', path, { token, rawBody: body });
        expect({ path, status: reply.status, code: reply.body?.code }).toEqual({
          path,
          status: 400,
          code: 'JSON_TOO_DEEP',
        });
      }
    }
  });

  it('answers a NUL in the URL with 400 INVALID_CHARACTER and one in a stored field with a 4xx', async () => {
    for (const path of [
      '/decisions/%00/progress.svg',
      '/api/v1/public/decisions/%00/opinions',
      '/receipts?receipt=%00',
    ]) {
      const reply = await call(system.baseUrl, 'GET', path);
      expect({ path, status: reply.status, code: reply.body?.code }).toEqual({
        path,
        status: 400,
        code: 'INVALID_CHARACTER',
      });
    }
    const login = await call(system.baseUrl, 'POST', '/api/v1/auth/login', {
      json: { username: 'drafter\u0000', password: 'a-wrong-password' },
    });
    expect(login.status).toBeGreaterThanOrEqual(400);
    expect(login.status).toBeLessThan(500);
  });

  it('answers a repeated query parameter with 400 REPEATED_QUERY_PARAMETER: ?receipt=a&receipt=b on /receipts, ?decision=a&decision=b on /verify', async () => {
    for (const path of [
      '/receipts?receipt=a&receipt=b',
      '/verify?decision=a&decision=b',
      `/api/v1/public/decisions?page=1&page=2`,
      `/api/v1/decisions?stage=a&stage=b`,
    ]) {
      const reply = await call(system.baseUrl, 'GET', path, { token: tokens.drafter });
      expect({ path, status: reply.status, code: reply.body?.code }).toEqual({
        path,
        status: 400,
        code: 'REPEATED_QUERY_PARAMETER',
      });
    }
  });

  it('answers null for selection, text or reason on answers with 422 VALIDATION_FAILED naming the field', async () => {
    const path = `/api/v1/decisions/${context.decisionId}/answers`;
    for (const body of [
      { selection: null, verdict: 'adopted', text: '采纳' },
      { selection: { receipts: [context.receipt] }, verdict: 'adopted', text: null },
      { selection: { receipts: [context.receipt] }, verdict: 'not_adopted', text: '不采纳', reason: null },
      { answers: [{ target: { receipt: context.receipt }, text: null }] },
    ]) {
      const reply = await call(system.baseUrl, 'POST', path, { token: tokens.drafter, json: body });
      expect({ status: reply.status, code: reply.body?.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
      expect(reply.body.detail).toContain('must not be null');
    }
    const nullBody = await call(system.baseUrl, 'POST', '/api/v1/auth/login', { rawBody: 'null' });
    expect({ status: nullBody.status, code: nullBody.body?.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('answers a console form posted as JSON with 415, signed in or not', async () => {
    const json = { 'content-type': 'application/json', origin: BASE };
    for (const [path, cookie] of [
      ['/console/login', ''],
      [`/console/decisions/${context.decisionId}/answers`, context.consoleCookie],
      [`/console/decisions/${context.decisionId}/act/draft-versions`, context.consoleCookie],
      ['/console/logout', context.consoleCookie],
      [`/decisions/${context.decisionId}`, ''],
    ] as const) {
      const reply = await call(system.baseUrl, 'POST', path, {
        rawBody: JSON.stringify({ _csrf: 'x', text: '意见', username: 'drafter', password: PASSWORD }),
        headers: { ...json, cookie },
      });
      expect({ path, status: reply.status, code: reply.body?.code }).toEqual({
        path,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
  });

  it('sends nosniff everywhere, HSTS over https, no-store on sign-in and staff answers, and a framing-proof CSP on the API docs', async () => {
    const head = async (
      method: string,
      path: string,
      init: { token?: string; json?: unknown } = {},
    ): Promise<Headers> => {
      const response = await fetch(`${system.baseUrl}${path}`, {
        method,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.json ? { 'content-type': 'application/json' } : {}),
        },
        body: init.json ? JSON.stringify(init.json) : undefined,
      });
      await response.arrayBuffer();
      return response.headers;
    };
    const everywhere = [
      await head('GET', '/api/v1/public/decisions'),
      await head('GET', '/api/v1/public/decisions/nope'),
      await head('GET', '/'),
      await head('GET', '/no/such/page'),
      await head('GET', '/api/docs'),
      await head('GET', '/api/docs-json'),
      await head('POST', '/api/v1/auth/login', { json: { username: 'drafter', password: 'wrong-password' } }),
    ];
    for (const headers of everywhere) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    }
    const staff = [
      await head('POST', '/api/v1/auth/login', { json: { username: 'drafter', password: PASSWORD } }),
      await head('POST', '/api/v1/auth/login', { json: { username: 'drafter', password: 'wrong-password' } }),
      await head('GET', '/api/v1/decisions', { token: tokens.drafter }),
      await head('GET', `/api/v1/decisions/${context.decisionId}/opinions`, { token: tokens.drafter }),
      await head('GET', '/api/v1/decisions'),
      await head('GET', '/console/login'),
    ];
    for (const headers of staff) expect(headers.get('cache-control')).toBe('no-store');
    const docs = await head('GET', '/api/docs');
    expect(docs.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(docs.get('content-security-policy')).toContain("script-src 'self'");
    expect((await head('GET', '/api/v1/public/decisions')).get('cache-control')).not.toBe('no-store');
  });

  it('keeps receipts and tokens out of the request log', async () => {
    const receiptPages = [
      `/receipts?receipt=${encodeURIComponent(context.receipt)}`,
      `/api/v1/public/opinions/${encodeURIComponent(context.receipt)}`,
      `/receipts?receipt=${encodeURIComponent(context.receipt.toLowerCase())}&lang=en`,
    ];
    for (const path of receiptPages) expect((await call(system.baseUrl, 'GET', path)).status).toBe(200);
    await call(system.baseUrl, 'GET', `/console?token=${tokens.manager}`);
    const logged = (): string => system.gateway.output();
    // The request lines are written after each answer: wait for the last one.
    await eventually(() => logged().includes('"url":"/console?token=*"'), {
      what: 'the request log line',
      timeoutMs: 5_000,
    });
    expect(logged()).toContain('"url":"/receipts?receipt=*"');
    expect(logged()).toContain('"url":"/api/v1/public/opinions/*"');
    const compact = context.receipt.replace(/-/g, '');
    for (const secret of [context.receipt, context.receipt.toLowerCase(), compact, ...Object.values(tokens)])
      expect(logged()).not.toContain(secret);
  });

  it(`answers ${FUZZ_REQUESTS} generated hostile requests without a 5xx, a row from a refused write or a stack trace in the log`, async () => {
    const document = (await call(system.baseUrl, 'GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = [...apiRoutes(document), ...PAGE_ROUTES];
    expect(routes.length).toBeGreaterThan(40);
    const before = await rowCounts(db);
    const random = seededRandom(SEED);
    const generated = Array.from({ length: FUZZ_REQUESTS }, () => generateRequest(random, routes, context));
    const client = hostileClient(system.baseUrl, 16);
    const started = Date.now();
    let answers: Array<HostileAnswer | Error>;
    try {
      answers = await inParallel(generated.length, 16, (i) =>
        client.send(generated[i]!.request).catch((error: Error) => error),
      );
    } finally {
      client.close();
    }
    const seconds = (Date.now() - started) / 1000;
    const after = await rowCounts(db);

    const failures = answers.flatMap((answer, i) => {
      const { request } = generated[i]!;
      const line = `${request.method} ${request.path.slice(0, 160)} ${JSON.stringify(request.headers).slice(0, 200)} body=${request.body?.toString('utf8').slice(0, 120) ?? ''}`;
      if (answer instanceof Error) return [`no answer (${answer.message.slice(0, 120)}): ${line}`];
      if (answer.status >= 500) return [`${answer.status} ${answer.text.slice(0, 200)}: ${line}`];
      return [];
    });
    // A console post without a session is answered with a redirect to the sign-in form: a refusal.
    const refusedByRedirect = (answer: HostileAnswer): boolean =>
      answer.status === 303 && String(answer.headers['location']).startsWith('/console/login');
    const acceptedWrites = answers.flatMap((answer, i) =>
      !(answer instanceof Error) && generated[i]!.mutating && answer.status < 400 && !refusedByRedirect(answer)
        ? [`${answer.status}: ${generated[i]!.request.method} ${generated[i]!.request.path.slice(0, 160)}`]
        : [],
    );
    const changed = Object.keys({ ...before, ...after })
      .filter((table) => before[table] !== after[table])
      .map((table) => `${table}: ${before[table]} → ${after[table]}`);
    const byStatus: Record<number, number> = {};
    for (const answer of answers)
      if (!(answer instanceof Error)) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    const covered = new Set(generated.map((g) => `${g.route.method} ${g.route.template}`));
    record({
      name: `hostile input fuzz (${KIND})`,
      invariant: 'hostile requests ⇒ never 5xx or unanswered, refused writes leave no row, no stack trace logged',
      acknowledged: 0,
      found: 0,
      lost: 0,
      duplicated: changed.length,
      note: `${FUZZ_REQUESTS} requests over ${covered.size} routes in ${seconds.toFixed(1)} s; ${Object.entries(
        byStatus,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    });

    expect(covered.size).toBe(new Set(routes.map((r) => `${r.method} ${r.template}`)).size);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(acceptedWrites.slice(0, 20)).toEqual([]);
    expect(changed).toEqual([]);
    const stackLines = system.gateway
      .output()
      .split('\n')
      .filter((line) => STACK_TRACE.test(line));
    expect(stackLines.slice(0, 5)).toEqual([]);
  }, 180_000);
});
