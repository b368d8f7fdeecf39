import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { parseCsv } from '../../apps/gateway/src/public/export-open-data/csv.spec-support';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, type Reply, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();

const CSV_HEADER = [
  'decision_id',
  'phase',
  'round',
  'channel',
  'section',
  'received_at',
  'text',
  'cluster_id',
  'answer_verdict',
  'answer_text',
];
const PERSONAL = { name: '王小明', phone: '13812345678', email: 'wxm@example.com', idNumber: '11010519491231002X' };
const CONFIDENTIAL_TITLE = '涉密决策不得出现在开放数据中';

interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** The body as UTF-8, a byte order mark kept as U+FEFF. */
  text: string;
}

describe.each(databaseKinds())('open-data exports over HTTP, on %s', (kind) => {
  let db: TestDatabase;
  let system: MediumSystem;
  const tokens: Record<string, string> = {};
  let id: string;
  let confidentialId: string;
  const receipts: string[] = [];

  const download = async (path: string): Promise<Download> => {
    const response = await fetch(`${system.baseUrl}${path}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes),
    };
  };
  const act = async (
    user: string,
    decisionId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<any> => {
    const reply = await call(system.baseUrl, 'POST', `/api/v1/decisions/${decisionId}/${action}`, {
      token: tokens[user],
      json: body,
    });
    if (reply.status !== 200) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const post = (body: unknown, key?: string): Promise<Reply> =>
    call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
      json: body,
      headers: key ? { 'idempotency-key': key } : {},
    });
  /** Everything the public could learn from the exports that must not be there. */
  const expectNothingPrivate = (body: string): void => {
    for (const secret of [
      ...Object.values(PERSONAL),
      ...receipts,
      'WITHHELD-MARK',
      `IDEM-KEY-${kind}`,
      confidentialId,
      CONFIDENTIAL_TITLE,
      'textRaw',
      'contact',
      'receipt',
    ]) {
      expect([secret, body.includes(secret)]).toEqual([secret, false]);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`open-data-${kind}`),
      gatewayEnv: { OPINION_BURST: '1000' },
    });
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);
    confidentialId = (
      await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration({ title: CONFIDENTIAL_TITLE, confidential: true, confidentialGround: '工作秘密' }),
      })
    ).body.decisionId;
    id = (await call(system.baseUrl, 'POST', '/api/v1/decisions', { token: tokens['drafter'], json: aRegistration() }))
      .body.decisionId;
    const opensAt = inSeconds(3);
    await publishForConsultation(system.baseUrl, tokens, id, {
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 8_000).toISOString(),
    });

    const personal = {
      text: `我叫${PERSONAL.name}，身份证${PERSONAL.idNumber}，电话${PERSONAL.phone}，邮箱${PERSONAL.email}。建议第3条补贴提高到1200元，"一次性"发放。`,
      section: '第三条',
      contact: { name: PERSONAL.name, phone: PERSONAL.phone, email: PERSONAL.email },
    };
    // 409 until the consultation opens.
    const reply = await eventually(
      async () => {
        const answer = await post(personal, `IDEM-KEY-${kind}`);
        return answer.status === 409 ? undefined : answer;
      },
      { timeoutMs: 10_250, intervalMs: 250, what: 'the consultation opens' },
    );
    expect(reply.status).toBe(201);
    receipts.push(reply.body.receipt);
    for (const text of [
      '=HYPERLINK("http://example.com","点击") 公式开头, 含逗号\n和换行',
      '广告 WITHHELD-MARK 加微信',
    ]) {
      const sent = await post({ text });
      expect(sent.status).toBe(201);
      receipts.push(sent.body.receipt);
    }
    await act('drafter', id, 'withhold-opinion', { receipt: receipts[2], reason: 'spam' });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('streams opinions.csv as RFC 4180 UTF-8 with a BOM: de-identified text only, formulas defused', async () => {
    const csv = await download('/api/v1/public/export/opinions.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="opinions.csv"');
    expect(csv.headers.get('cache-control')).toBe('public, max-age=60');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(csv.text.slice(1));
    expect(header).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(2);
    const [personal, formula] = rows;
    expect(personal!.slice(0, 5)).toEqual([id, 'consultation', '1', 'online', '第三条']);
    expect(personal![6]).toBe(
      '我叫[姓名已隐去]，身份证[身份证号已隐去]，电话[手机号已隐去]，邮箱[邮箱已隐去]。建议第3条补贴提高到1200元，"一次性"发放。',
    );
    expect(formula![6]).toBe(`'=HYPERLINK("http://example.com","点击") 公式开头, 含逗号\n和换行`);
    expect(rows.every((row) => row[7] === '' && row[8] === '' && row[9] === '')).toBe(true);
    expectNothingPrivate(csv.text);

    const one = await download(`/api/v1/public/export/opinions.csv?decision=${id}`);
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="opinions-${id}.csv"`);
    expect(one.text).toBe(csv.text);
  });

  it('streams opinions.json as one JSON array with the same rows and no private field', async () => {
    const json = await download(`/api/v1/public/export/opinions.json?decision=${id}`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('cache-control')).toBe('public, max-age=60');
    const rows = JSON.parse(json.text) as Array<Record<string, unknown>>;
    expect(rows.map((r) => Object.keys(r).sort())).toEqual(
      rows.map(() => [
        'answer',
        'channel',
        'clusterId',
        'decisionId',
        'phase',
        'receivedAt',
        'round',
        'section',
        'text',
      ]),
    );
    expect(rows.map((r) => r['text'])).toEqual([
      '我叫[姓名已隐去]，身份证[身份证号已隐去]，电话[手机号已隐去]，邮箱[邮箱已隐去]。建议第3条补贴提高到1200元，"一次性"发放。',
      '=HYPERLINK("http://example.com","点击") 公式开头, 含逗号\n和换行',
    ]);
    expectNothingPrivate(json.text);
    expect(JSON.parse((await download('/api/v1/public/export/opinions.json')).text)).toEqual(rows);
  });

  it('exports the public decision with its frozen counts once sealed, and never the confidential one', async () => {
    let decision: any;
    await eventually(
      async () => {
        const all = JSON.parse((await download('/api/v1/public/export/decisions.json')).text) as any[];
        decision = all.find((d) => d.id === id);
        return Boolean(decision?.consultation?.counts && decision.stage === 'feedback');
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'the sealed decision in the export' },
    ).catch(() => undefined);
    expect(decision).toMatchObject({ id, title: aRegistration().title, unit: 'unit-a', stage: 'feedback' });
    expect(decision.consultation).toMatchObject({
      round: 1,
      status: 'sealed',
      counts: { received: 3, published: 2, withheld: { spam: 1 }, byChannel: { online: 3 } },
    });
    const published = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`);
    const { consultation: _consultation, ...view } = decision;
    expect(view).toEqual(published.body);
    const file = await download('/api/v1/public/export/decisions.json');
    expect(file.headers.get('cache-control')).toBe('public, max-age=60');
    expectNothingPrivate(file.text);
  });

  it('answers 404 for an unknown or confidential decision filter and 422 for an unknown parameter, before any data', async () => {
    for (const decision of [confidentialId, 'no-such-decision']) {
      for (const format of ['csv', 'json']) {
        const reply = await call(
          system.baseUrl,
          'GET',
          `/api/v1/public/export/opinions.${format}?decision=${decision}`,
        );
        expect([reply.status, reply.contentType, reply.body.code]).toEqual([
          404,
          'application/problem+json; charset=utf-8',
          'DECISION_NOT_FOUND',
        ]);
      }
    }
    const unknown = await call(system.baseUrl, 'GET', '/api/v1/public/export/opinions.csv?receipt=x');
    expect([unknown.status, unknown.body.code]).toEqual([422, 'VALIDATION_FAILED']);
  });

  it('documents the exports in the OpenAPI document', async () => {
    const paths = (await call(system.baseUrl, 'GET', '/api/docs-json')).body.paths;
    expect(Object.keys(paths['/api/v1/public/export/opinions.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    const json = paths['/api/v1/public/export/opinions.json'].get;
    expect(json.parameters.map((p: { name: string }) => p.name)).toEqual(['decision']);
    expect(Object.keys(json.responses['200'].content['application/json'].schema.items.properties)).not.toContain(
      'receipt',
    );
    expect(paths['/api/v1/public/export/decisions.json']).toBeDefined();
  });
});
