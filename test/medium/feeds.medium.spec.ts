import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { request } from 'node:http';
import type { PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { entryId } from '../../apps/gateway/src/public/get-feeds/decision-feeds';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const BASE = 'https://decisions.example.gov.cn';
/** A title a careless feed would turn into markup or break on. */
const TITLE = `关于<script>alert("x")</script>&'补贴'标准]]>的决定`;
const OTHER_TITLE = '关于公共停车场收费标准的决定';
const CONFIDENTIAL_TITLE = '涉密决策不得出现在订阅源中';
const PUBLIC_TITLE = '经审核公开的决策标题';
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();
type Feed = ReturnType<typeof parseFeed>;

interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

describe('Atom feeds of the public log over HTTP', () => {
  let db: TestDatabase;
  let system: MediumSystem;
  const tokens: Record<string, string> = {};
  let id: string;
  let otherId: string;
  let confidentialId: string;

  const get = async (path: string, headers: Record<string, string> = {}): Promise<Fetched> => {
    const response = await fetch(`${system.baseUrl}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
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
  const register = async (overrides: Parameters<typeof aRegistration>[0]): Promise<string> =>
    (
      await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration(overrides),
      })
    ).body.decisionId as string;
  const timeline = async (decisionId: string): Promise<PublicLogEntry[]> =>
    (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${decisionId}/timeline`)).body
      .entries as PublicLogEntry[];
  const waitForEvent = async (decisionId: string, type: string): Promise<void> => {
    await eventually(async () => (await timeline(decisionId)).some((e) => e.type === type), {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: `${type} appears`,
    });
  };
  /** Parses a feed after checking that it is well-formed XML (the parser alone is lenient). */
  const parsed = (text: string): Feed => {
    expect(XMLValidator.validate(text)).toBe(true);
    return parseFeed(text);
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue('feeds'),
      gatewayEnv: { PUBLIC_BASE_URL: `${BASE}/`, OPINION_BURST: '1000' },
    });
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);

    confidentialId = await register({ title: CONFIDENTIAL_TITLE, confidential: true, confidentialGround: '工作秘密' });
    id = await register({ title: TITLE });
    otherId = await register({ title: OTHER_TITLE });
    const opensAt = inSeconds(3);
    await publishForConsultation(system.baseUrl, tokens, id, {
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 5_000).toISOString(),
      channels: ['online', 'symposium'],
    });
    // 409 until the consultation opens.
    const opinion = await eventually(
      async () => {
        const reply = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
          json: { text: '建议提高补贴标准' },
        });
        return reply.status === 409 ? undefined : reply;
      },
      { timeoutMs: 10_250, intervalMs: 250, what: 'the consultation opens' },
    );
    expect(opinion.status).toBe(201);
    await waitForEvent(id, 'ConsultationClosed');
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it("serves one decision's log newest first, each entry identified by decision and seq and carrying its hash", async () => {
    const reply = await get(`/feeds/decisions/${id}.atom`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('public, max-age=60');
    const entries = await timeline(id);
    expect(entries.map((e) => e.type)).toEqual([
      'DecisionRegistered',
      'DraftPublished',
      'ConsultationOpened',
      'ConsultationClosed',
    ]);
    const feed = parsed(reply.text);
    expect(feed.meta.type).toBe('atom');
    expect(feed.language).toBe('zh-CN');
    expect(feed.title).toBe(`${TITLE}：决策过程公开日志`);
    expect(feed.self).toBe(`${BASE}/feeds/decisions/${id}.atom`);
    expect(feed.updated?.toISOString()).toBe(entries.at(-1)!.occurredAt);
    const newestFirst = [...entries].reverse();
    expect(feed.items.map((item) => [item.id, item.title, item.url, item.updated?.toISOString()])).toEqual(
      newestFirst.map((e, i) => [
        entryId(id, e.seq),
        `【${['征求意见结束', '征求意见', '草案预公开', '纳入决策事项目录'][i]}】${TITLE}`,
        `${BASE}/decisions/${id}`,
        e.occurredAt,
      ]),
    );
    for (const [i, item] of feed.items.entries()) {
      expect(item.content).toContain(newestFirst[i]!.hash);
      expect(item.categories.map((c) => c.term)).toEqual([newestFirst[i]!.type]);
    }
    expect(feed.items[0]!.description).toMatch(
      /^征求意见于.+结束。共收到意见1条，公开1条。采纳情况反馈应于.+前公布。$/,
    );
    expect(reply.text).not.toContain('<script>');
  });

  it('serves the newest entries of every public decision, newest first, and never a confidential one', async () => {
    const reply = await get('/feeds/decisions.atom');
    expect(reply.status).toBe(200);
    const feed = parsed(reply.text);
    expect(feed.self).toBe(`${BASE}/feeds/decisions.atom`);
    const times = feed.items.map((item) => item.updated!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(feed.items[0]!.title).toBe(`【征求意见结束】${TITLE}`);
    expect(feed.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([entryId(id, 1), entryId(id, 4), entryId(otherId, 1)]),
    );
    expect(feed.items.find((item) => item.id === entryId(otherId, 1))).toMatchObject({
      title: `【纳入决策事项目录】${OTHER_TITLE}`,
      url: `${BASE}/decisions/${otherId}`,
    });
    expect(reply.text).not.toContain(confidentialId);
    expect(reply.text).not.toContain(CONFIDENTIAL_TITLE);
  });

  it('answers 404 problem+json for a confidential or unknown decision', async () => {
    for (const decisionId of [confidentialId, 'no-such-decision']) {
      const reply = await call(system.baseUrl, 'GET', `/feeds/decisions/${decisionId}.atom`);
      expect([reply.status, reply.contentType, reply.body.code]).toEqual([
        404,
        'application/problem+json; charset=utf-8',
        'DECISION_NOT_FOUND',
      ]);
    }
  });

  it('answers 304 to a reader that already has the current feed', async () => {
    for (const path of ['/feeds/decisions.atom', `/feeds/decisions/${id}.atom`]) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      expect(first.headers.get('last-modified')).toMatch(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
      const again = await get(path, { 'if-none-match': etag });
      expect([again.status, again.text, again.headers.get('etag'), again.headers.get('cache-control')]).toEqual([
        304,
        '',
        etag,
        'public, max-age=60',
      ]);
      expect((await get(path, { 'if-none-match': `W/${etag}` })).status).toBe(304);
      expect((await get(path, { 'if-none-match': '"stale"' })).status).toBe(200);
      expect((await get(path, { 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(200);
    }
  });

  it('builds links on PUBLIC_BASE_URL, whatever Host the request claims', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${system.baseUrl}/feeds/decisions/${id}.atom`);
      request(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example' } },
        (response) => {
          let body = '';
          response
            .setEncoding('utf8')
            .on('data', (chunk: string) => (body += chunk))
            .on('end', () => resolve(body));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(text).toContain(`href="${BASE}/decisions/${id}"`);
    expect(text).not.toContain('evil.example');
  });

  it('lists a confidential decision once its decision is published, with nothing from before', async () => {
    await act('drafter', confidentialId, 'draft-versions', { draft: '涉密草案', basis: '依据', explanation: '说明' });
    await act('drafter', confidentialId, 'submit-for-decision');
    await act('drafter', confidentialId, 'legality-review-request');
    await act('reviewer', confidentialId, 'legality-review', { opinion: 'lawful', text: '合法' });
    await act('manager', confidentialId, 'collective-decision', {
      meeting: '专题会议',
      date: inSeconds(0),
      outcome: 'adopted',
    });
    expect((await get(`/feeds/decisions/${confidentialId}.atom`)).status).toBe(404);
    const publication = await act('drafter', confidentialId, 'publish-decision', {
      text: '决定全文',
      interpretation: { plainLanguage: '解读' },
      executionUnit: 'unit-a',
      milestones: [{ title: '实施', unit: 'unit-a', dueAt: inSeconds(30 * 86_400), weight: 1 }],
      evaluationDueAt: inSeconds(365 * 86_400),
      publicTitle: PUBLIC_TITLE,
      publicSummary: '经审核公开的摘要',
    });
    await act('reviewer', confidentialId, 'approve', { reviewId: publication.reviews.at(-1).id });
    const reply = await get(`/feeds/decisions/${confidentialId}.atom`);
    expect(reply.status).toBe(200);
    expect(parsed(reply.text).items.map((item) => item.title)).toEqual([
      `【执行计划】${PUBLIC_TITLE}`,
      `【决策公布】${PUBLIC_TITLE}`,
    ]);
    expect(reply.text).not.toMatch(new RegExp(`涉密草案|工作秘密|专题会议|${CONFIDENTIAL_TITLE}`));
    expect((await get('/feeds/decisions.atom')).text).toContain(`${BASE}/decisions/${confidentialId}`);
  });
});
