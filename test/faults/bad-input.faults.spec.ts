import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { call } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { openConsultation, prepareDatabase, query, requestFrom, type RawReply } from './support/consultation';
import { currentTestName, reconcile } from './support/ledger';

const BURST = 4;
const storedReceipts = async (db: TestDatabase): Promise<string[]> =>
  (await query<{ receipt: string }>(db.config, 'SELECT receipt FROM opinions')).map((r) => r.receipt);

/**
 * Hostile and broken input at the public intake: every refusal is a clear 4xx problem+json and leaves
 * no row; markup is accepted as text and served back as the same plain JSON string; forwarding headers
 * cannot buy a client a fresh rate-limit bucket. The whole opinions table is reconciled against the
 * receipts handed out, so a stray row anywhere counts as duplicated.
 */
describe('bad input at the public opinion intake', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let id: string;
  let path: string;
  let nextAddress = 10;
  /** Each request from a loopback address of its own, so the small burst below limits only the spoof case. */
  const post = (body: Buffer | string, headers: Record<string, string> = {}): Promise<RawReply> =>
    requestFrom(system.baseUrl, `127.0.0.${nextAddress++}`, 'POST', path, body, headers);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await prepareDatabase(db.config);
    system = await startSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('faults-bad-input'),
      gatewayEnv: { OPINION_BURST: String(BURST), OPINION_RATE_PER_MINUTE: '1' },
    });
    ({ id } = await openConsultation(system.baseUrl));
    path = `/api/v1/public/decisions/${id}/opinions`;
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('refuses malformed, mistyped, non-UTF-8 and oversize bodies with a clear 4xx and stores no row', async () => {
    const before = await storedReceipts(db);
    const json = (value: unknown): string => JSON.stringify(value);
    const small: Array<[string, Buffer | string, number, string, Record<string, string>?]> = [
      ['malformed JSON', '{"text": ', 400, 'MALFORMED_JSON'],
      ['trailing garbage', '{"text":"好"} x', 400, 'MALFORMED_JSON'],
      [
        'invalid UTF-8',
        Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
        400,
        'INVALID_UTF8',
      ],
      [
        'overlong UTF-8 encoding of "<"',
        Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc0, 0xbc]), Buffer.from('"}')]),
        400,
        'INVALID_UTF8',
      ],
      ['a number for text', json({ text: 42 }), 422, 'VALIDATION_FAILED'],
      ['an array for text', json({ text: ['a', 'b'] }), 422, 'VALIDATION_FAILED'],
      ['an object for text', json({ text: { $ne: null } }), 422, 'VALIDATION_FAILED'],
      ['a string for contact', json({ text: '意见', contact: '13812345678' }), 422, 'VALIDATION_FAILED'],
      ['a JSON array body', json([{ text: '意见' }]), 422, 'VALIDATION_FAILED'],
      ['no text at all', json({ section: '第一条' }), 422, 'VALIDATION_FAILED'],
      ['a lone surrogate', '{"text":"a\\ud800b"}', 422, 'INVALID_TEXT'],
      ['a NUL character', json({ text: 'a\u0000b' }), 422, 'INVALID_TEXT'],
      [
        '5001 emoji (under the byte limit, over the length limit)',
        json({ text: '😀'.repeat(5001) }),
        422,
        'OPINION_TOO_LONG',
      ],
    ];
    const refusals: string[] = [];
    for (const [name, body, status, code, headers] of small) {
      const reply = await post(body, headers);
      expect({ name, status: reply.status, code: reply.body?.code, type: reply.headers['content-type'] }).toEqual({
        name,
        status,
        code,
        type: expect.stringContaining('application/problem+json'),
      });
      refusals.push(name);
    }
    const large: Array<[string, unknown]> = [
      ['1 MB of emoji', { text: '😀'.repeat(262_144) }],
      ['a 300 KB body', { text: 'a'.repeat(300 * 1024) }],
      ['4 MB of markup', { text: '<b>'.repeat(1_400_000) }],
    ];
    for (const [name, body] of large) {
      const reply = await post(JSON.stringify(body));
      expect({ name, status: reply.status, code: reply.body?.code }).toEqual({
        name,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
      refusals.push(name);
    }
    const wrongType = await call(system.baseUrl, 'POST', path, {
      rawBody: 'text=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
    refusals.push('form-encoded body');

    const after = await storedReceipts(db);
    const entry = reconcile(
      currentTestName(),
      'refused ⇒ a clear 4xx problem+json and no row',
      [],
      after.filter((r) => !before.includes(r)),
      `${refusals.length} kinds of bad input refused`,
    );
    expect(after).toEqual(before);
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });

  it('accepts markup and script payloads as text and serves them back as the same plain JSON strings', async () => {
    const before = await storedReceipts(db);
    const payloads = [
      '<script>alert(1)</script>建议第三条删除',
      '<img src=x onerror="alert(document.cookie)">',
      '"><svg/onload=alert(1)>',
      "'; DROP TABLE opinions; --",
      '{{constructor.constructor("alert(1)")()}} ${7*7}',
      '<a href="javascript:alert(1)">点我</a> &amp; &lt;',
    ];
    const receipts: string[] = [];
    for (const text of payloads) {
      const reply = await post(JSON.stringify({ text }));
      expect(reply.status).toBe(201);
      receipts.push(reply.body.receipt as string);
    }
    const listed = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions?pageSize=100`);
    expect(listed.contentType).toContain('application/json');
    const texts = (listed.body.items as Array<{ text: string }>).map((item) => item.text);
    for (const text of payloads) expect(texts.filter((t) => t === text)).toHaveLength(1);
    const after = await storedReceipts(db);
    const entry = reconcile(
      currentTestName(),
      'markup accepted ⇒ stored once, served as the same plain string',
      receipts,
      after.filter((r) => !before.includes(r)),
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });

  it('ignores spoofed forwarding headers: one source address keeps one rate-limit bucket, refusals store nothing', async () => {
    const before = await storedReceipts(db);
    const flooder = '127.0.0.2';
    const replies: RawReply[] = [];
    for (let i = 0; i < 3 * BURST; i += 1) {
      const spoof = `203.0.113.${i + 1}`;
      replies.push(
        await requestFrom(system.baseUrl, flooder, 'POST', path, JSON.stringify({ text: `伪造来源的第${i}条意见` }), {
          'x-forwarded-for': spoof,
          'x-real-ip': spoof,
          forwarded: `for=${spoof}`,
        }),
      );
    }
    expect(replies.map((r) => r.status)).toEqual([
      ...Array<number>(BURST).fill(201),
      ...Array<number>(2 * BURST).fill(429),
    ]);
    expect(replies.at(-1)!.body.code).toBe('RATE_LIMITED');
    // Another address claiming to forward for the flooder still has its own bucket.
    const other = await requestFrom(system.baseUrl, '127.0.0.3', 'POST', path, JSON.stringify({ text: '安静的市民' }), {
      'x-forwarded-for': flooder,
    });
    expect(other.status).toBe(201);
    const receipts = [...replies, other].filter((r) => r.status === 201).map((r) => r.body.receipt as string);
    const after = await storedReceipts(db);
    const entry = reconcile(
      currentTestName(),
      'forwarding headers do not change the client identity; 429 ⇒ no row',
      receipts,
      after.filter((r) => !before.includes(r)),
      `${replies.filter((r) => r.status === 429).length} refused with 429`,
    );
    expect({ lost: entry.lost, duplicated: entry.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });
});
