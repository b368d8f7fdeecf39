import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, type Reply, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually, untilTime } from '../support/eventually';

const PASSWORD = 'e2e-password';
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();

async function countOpinions(db: TestDatabase, decisionId: string): Promise<number> {
  const dataSource = await openDatabase(db.config, { migrate: false });
  try {
    const [row] = (await dataSource.query(
      `SELECT count(*) AS n FROM opinions WHERE decision_id = '${decisionId}'`,
    )) as [{ n: string | number }];
    return Number(row.n);
  } finally {
    await dataSource.destroy();
  }
}

describe.each(databaseKinds())('opinions from the public with receipts, on %s', (kind) => {
  let db: TestDatabase;
  let system: MediumSystem;
  const tokens: Record<string, string> = {};
  let id: string;
  let closesAt: number;

  const post = (body: unknown, key?: string): Promise<Reply> =>
    call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
      json: body,
      headers: key ? { 'idempotency-key': key } : {},
    });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    // Generous limits here: these tests send bursts from one address on purpose.
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`opinions-${kind}`),
      gatewayEnv: { OPINION_BURST: '1000' },
    });
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);
    id = (await call(system.baseUrl, 'POST', '/api/v1/decisions', { token: tokens['drafter'], json: aRegistration() }))
      .body.decisionId as string;
    const opensAt = inSeconds(3);
    closesAt = Date.parse(opensAt) + 9_000;
    await publishForConsultation(system.baseUrl, tokens, id, { opensAt, closesAt: new Date(closesAt).toISOString() });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('refuses opinions before the consultation opens, with CONSULTATION_NOT_OPEN and no row', async () => {
    const reply = await post({ text: '太早了' });
    expect([reply.status, reply.body.code]).toEqual([409, 'CONSULTATION_NOT_OPEN']);
    expect(await countOpinions(db, id)).toBe(0);
  });

  it('answers 201 with a receipt once stored, publishes only the de-identified copy, and looks the receipt up', async () => {
    let reply: Reply = await post({ text: 'x' });
    // 409 until the consultation opens.
    if (reply.status === 409) {
      reply = await eventually(
        async () => {
          const answer = await post({
            text: '我叫李四，电话13812345678，建议第3条补贴提高到1200元。<script>alert(1)</script>',
            section: '第三条',
            contact: { name: '李四', phone: '13812345678', email: 'lisi@example.com' },
          });
          return answer.status === 409 ? undefined : answer;
        },
        { timeoutMs: 10_000, intervalMs: 250, what: 'the consultation opens' },
      );
    }
    expect(reply.status).toBe(201);
    expect(reply.body.receipt).toMatch(/^OD-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]$/);
    const listed = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions`);
    expect(listed.status).toBe(200);
    const published = JSON.stringify(listed.body);
    expect(published).toContain('1200元');
    expect(published).toContain('第3条');
    for (const secret of ['李四', '13812345678', 'lisi@example.com']) expect(published).not.toContain(secret);
    const lookup = await call(
      system.baseUrl,
      'GET',
      `/api/v1/public/opinions/${(reply.body.receipt as string).toLowerCase()}`,
    );
    expect(lookup.body).toMatchObject({
      receipt: reply.body.receipt,
      decisionId: id,
      status: 'published',
      channel: 'online',
    });
    expect(JSON.stringify(lookup.body)).not.toContain('李四');
    const typo = (reply.body.receipt as string).replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await call(system.baseUrl, 'GET', `/api/v1/public/opinions/${typo}`)).body.code).toBe('INVALID_RECEIPT');
  });

  it('gives 50 concurrent requests with one Idempotency-Key one receipt and one row', async () => {
    const before = await countOpinions(db, id);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => post({ text: '同一条意见，重试多次' }, `key-${kind}-1`)),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    expect(new Set(replies.map((r) => r.body.receipt)).size).toBe(1);
    expect(await countOpinions(db, id)).toBe(before + 1);
    const reused = await post({ text: '另一条意见' }, `key-${kind}-1`);
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses bad input with a clear code and stores nothing', async () => {
    const before = await countOpinions(db, id);
    const cases: Array<[string, Parameters<typeof call>[3], number, string]> = [
      ['empty text', { json: { text: '   ' } }, 422, 'OPINION_EMPTY'],
      ['too long', { json: { text: '长'.repeat(5001) } }, 422, 'OPINION_TOO_LONG'],
      ['control characters', { json: { text: 'a\u0007b' } }, 422, 'INVALID_TEXT'],
      ['a lone surrogate', { rawBody: '{"text":"a\\ud800b"}' }, 422, 'INVALID_TEXT'],
      [
        'invalid UTF-8',
        { rawBody: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
        400,
        'INVALID_UTF8',
      ],
      ['a wrong type', { json: { text: 42 } }, 422, 'VALIDATION_FAILED'],
      ['malformed JSON', { rawBody: '{"text": ' }, 400, 'MALFORMED_JSON'],
      ['1 MB of emoji', { json: { text: '😀'.repeat(262_144) } }, 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [name, options, status, code] of cases) {
      const reply = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, options);
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({ name, status, code });
    }
    expect(await countOpinions(db, id)).toBe(before);
  });

  it('lets staff read raw opinions and withhold one with a reason: gone from public, still counted', async () => {
    const sent = await post({ text: '广告：加微信 abc123 领取优惠' }, `spam-${kind}`);
    expect(sent.status).toBe(201);
    const staffView = await call(system.baseUrl, 'GET', `/api/v1/decisions/${id}/opinions?pageSize=100`, {
      token: tokens['drafter'],
    });
    expect(JSON.stringify(staffView.body)).toContain('13812345678');
    expect((await call(system.baseUrl, 'GET', `/api/v1/decisions/${id}/opinions`)).status).toBe(401);
    const unknown = await call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/withhold-opinion`, {
      token: tokens['drafter'],
      json: { receipt: 'OD-0000-0000-0000-0', reason: 'spam' },
    });
    expect(unknown.body.code).toBe('RECEIPT_NOT_FOUND');
    const withheld = await call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/withhold-opinion`, {
      token: tokens['drafter'],
      json: { receipt: sent.body.receipt, reason: 'spam' },
    });
    expect(withheld.status).toBe(200);
    expect(
      JSON.stringify((await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions?pageSize=100`)).body),
    ).not.toContain('abc123');
    expect((await call(system.baseUrl, 'GET', `/api/v1/public/opinions/${sent.body.receipt}`)).body.status).toBe(
      'withheld',
    );
  });

  it('puts the opinions of an offline channel into the same pool, with their channel', async () => {
    const recorded = await call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/channel-records`, {
      token: tokens['drafter'],
      json: {
        channel: 'symposium',
        date: new Date().toISOString(),
        participantsCount: 8,
        minutes: '座谈会纪要',
        opinions: [
          { text: '企业代表：建议分步实施', section: '第五条' },
          { text: '居民代表王五（电话13912345678）：支持' },
        ],
      },
    });
    expect(recorded.status).toBe(200);
    const listed = JSON.stringify(
      (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/opinions?pageSize=100`)).body,
    );
    expect(listed).toContain('建议分步实施');
    expect(listed).toContain('"channel":"symposium"');
    expect(listed).not.toContain('13912345678');
  });

  it('seals at the close time: refuses later opinions and publishes the frozen counts', async () => {
    const received = await countOpinions(db, id);
    await untilTime(closesAt + 500);
    const late = await post({ text: '太晚了' });
    expect([late.status, late.body.code]).toEqual([409, 'CONSULTATION_NOT_OPEN']);
    const closed: { data: { counts?: { received: number; published: number } } } | undefined = await eventually(
      async () =>
        (
          (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries as Array<{
            type: string;
            data: any;
          }>
        ).find((e) => e.type === 'ConsultationClosed'),
      { timeoutMs: 15_000, intervalMs: 250, what: 'ConsultationClosed' },
    ).catch(() => undefined);
    expect(closed?.data.counts).toEqual({
      received,
      published: received - 1,
      withheld: { spam: 1 },
      byChannel: { online: received - 2, symposium: 2 },
    });
    expect(await countOpinions(db, id)).toBe(received);
  });
});
