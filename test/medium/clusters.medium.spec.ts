import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '../../libs/domain/src';
import { clusterOpinions, openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, type Reply, publishForConsultation } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';
import { eventually } from '../support/eventually';

const PASSWORD = 'e2e-password';
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();
const FORM_LETTER =
  '我们坚决支持老旧小区加装电梯，一楼住户的采光损失应当由财政给予合理补偿，审批手续请在三十日内办结。';
const OTHERS = [
  '夜间在小区周边停车收费过高，建议降低标准。',
  '希望取消路边的停车收费，至少夜间免费。',
  '对停车收费调整有意见：夜间应当免费或者半价。',
  '建议图书馆延长开放时间，周末晚上也应开放。',
  '图书馆的开放时间太短，上班族下班后无法借书。',
  '学校周边应增设减速带和人行横道信号灯，保障学生安全。',
];

describe.each(databaseKinds())('clusters over HTTP: list, merge, split, relabel, on %s', (kind) => {
  let db: TestDatabase;
  let app: DataSource;
  let system: MediumSystem;
  const tokens: Record<string, string> = {};
  let id: string;
  const letters: string[] = [];
  const others: string[] = [];

  const as = (user: string | undefined, method: string, path: string, json?: unknown): Promise<Reply> =>
    call(system.baseUrl, method, path, { token: user ? tokens[user] : undefined, json });
  const edit = (action: string, body: unknown, user = 'drafter'): Promise<Reply> =>
    as(user, 'POST', `/api/v1/decisions/${id}/clusters/${action}`, body);
  const clusterOf = async (receipt: string): Promise<string> =>
    ((await app.query(`SELECT cluster_id AS c FROM opinions WHERE receipt = '${receipt}'`)) as Array<{ c: string }>)[0]!
      .c;
  async function ok(user: string, action: string, body: Record<string, unknown> = {}, decision = id): Promise<any> {
    const reply = await as(user, 'POST', `/api/v1/decisions/${decision}/${action}`, body);
    if (reply.status !== 200) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(app, PASSWORD, new Date());
    system = await startMediumSystem({
      databaseUrl: db.url,
      taskQueue: uniqueTaskQueue(`clusters-${kind}`),
      gatewayEnv: { OPINION_BURST: '1000' },
    });
    for (const user of ['drafter', 'reviewer', 'manager', 'admin', 'drafter-b'])
      tokens[user] = await login(system.baseUrl, user, PASSWORD);
  });

  afterAll(async () => {
    await system?.stop();
    await app?.destroy();
    await db?.drop();
  });

  it('drives a decision to the feedback stage and has its opinions clustered', async () => {
    id = (await as('drafter', 'POST', '/api/v1/decisions', aRegistration())).body.decisionId as string;
    const opensAt = inSeconds(3);
    await publishForConsultation(system.baseUrl, tokens, id, {
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 10_000).toISOString(),
    });
    const notYet = await edit('relabel', { clusterId: 'r1-1', label: '太早' });
    expect([notYet.status, notYet.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // The consultation opens when the workflow's timer fires, which a busy machine may deliver late.
    await eventually(
      async () => (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage === 'consultation',
      { timeoutMs: 20_000, intervalMs: 250, what: 'the consultation opens' },
    );
    const post = async (text: string): Promise<string> => {
      const reply = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text, contact: { name: '张三', phone: '13912345678' } },
      });
      expect(reply.status).toBe(201);
      return reply.body.receipt as string;
    };
    for (let i = 0; i < 12; i += 1)
      letters.push(
        await post(i % 3 === 0 ? `尊敬的领导：${FORM_LETTER}` : FORM_LETTER.replace('坚决', i % 2 ? '强烈' : '坚决')),
      );
    for (const text of OTHERS) others.push(await post(text));
    await eventually(
      async () => (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage === 'feedback',
      { timeoutMs: 40_000, intervalMs: 250, what: 'the consultation is sealed' },
    );
    const ready = async (): Promise<boolean> =>
      (await as('drafter', 'GET', `/api/v1/decisions/${id}/clusters`)).status === 200;
    await eventually(ready, { timeoutMs: 30_000, intervalMs: 250, what: 'clusters' }).catch(() => undefined);
    // Without the workflow's clustering step, cluster here against the same database, as the worker would.
    if (!(await ready())) await clusterOpinions(app, id, DEFAULT_POLICY, new Date());
    expect(await ready()).toBe(true);
  }, 120_000);

  it('lists clusters for the owning unit only, with the form letter as one concentrated cluster', async () => {
    const list = await as('drafter', 'GET', `/api/v1/decisions/${id}/clusters?pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ opinions: 18, concentratedFrom: 10 });
    const letter = await clusterOf(letters[0]!);
    expect(await Promise.all(letters.map(clusterOf))).toEqual(letters.map(() => letter));
    const cluster = (list.body.items as any[]).find((c) => c.clusterId === letter);
    expect(cluster).toMatchObject({ size: 12, concentrated: true, origin: 'auto', answer: null });
    expect(cluster.representative.text).toContain('加装电梯');
    expect(JSON.stringify(list.body)).not.toContain('13912345678');
    const concentrated = await as('reviewer', 'GET', `/api/v1/decisions/${id}/clusters?concentrated=true`);
    expect(concentrated.body.items.map((c: any) => c.clusterId)).toEqual([letter]);
    const members = await as('manager', 'GET', `/api/v1/decisions/${id}/clusters/${letter}/opinions?pageSize=5`);
    expect([members.status, members.body.total, members.body.items.length]).toEqual([200, 12, 5]);
    expect(members.body.items[0].contact).toEqual({ name: '张三', phone: '13912345678' });
    expect((await as('drafter', 'GET', `/api/v1/decisions/${id}/clusters/r1-999/opinions`)).body.code).toBe(
      'CLUSTER_NOT_FOUND',
    );
    expect((await as('drafter-b', 'GET', `/api/v1/decisions/${id}/clusters`)).body.code).toBe('DECISION_NOT_FOUND');
    expect((await as(undefined, 'GET', `/api/v1/decisions/${id}/clusters`)).status).toBe(401);
    expect((await as('admin', 'GET', `/api/v1/decisions/${id}/clusters`)).body.code).toBe('ROLE_NOT_ALLOWED');
    expect((await as('drafter', 'GET', `/api/v1/decisions/${id}/clusters?concentrated=maybe`)).status).toBe(422);
  });

  it('merges, splits and relabels, each logged with the staff member', async () => {
    const [a, b] = [await clusterOf(others[3]!), await clusterOf(others[5]!)];
    expect(a).not.toBe(b);
    const merged = await edit('merge', { clusterIds: [a, b], label: '图书馆与学校周边' });
    expect([merged.status, merged.body.origin, merged.body.label, merged.body.size]).toEqual([
      200,
      'merge',
      '图书馆与学校周边',
      (await as('drafter', 'GET', `/api/v1/decisions/${id}/clusters/${merged.body.clusterId}/opinions`)).body.total,
    ]);
    const split = await edit('split', {
      clusterId: merged.body.clusterId,
      receipts: [others[5]!.toLowerCase()],
      label: '学校周边交通安全',
    });
    expect(split.status).toBe(200);
    expect(split.body.into).toMatchObject({
      clusterId: 'r1-s1',
      size: 1,
      origin: 'split',
      representative: { receipt: others[5] },
    });
    expect(split.body.from.size).toBe(merged.body.size - 1);
    const relabeled = await edit('relabel', { clusterId: 'r1-s1', label: '  校园安全  ' }, 'manager');
    expect([relabeled.status, relabeled.body.label]).toEqual([200, '校园安全']);
    const corrected = await edit('relabel', { clusterId: 'r1-s1', stance: 'oppose' }, 'manager');
    expect([corrected.status, corrected.body.label, corrected.body.stance]).toEqual([200, '校园安全', 'oppose']);
    const log = (await app.query(
      `SELECT type, actor FROM feedback_work_log WHERE decision_id = '${id}' AND type IN ('ClustersMerged', 'ClusterSplit', 'ClusterRelabeled', 'ClusterStanceCorrected') ORDER BY id`,
    )) as Array<{ type: string; actor: string }>;
    expect(log.map((row) => [row.type, JSON.parse(row.actor).role])).toEqual([
      ['ClustersMerged', 'drafter'],
      ['ClusterSplit', 'drafter'],
      ['ClusterRelabeled', 'manager'],
      ['ClusterStanceCorrected', 'manager'],
    ]);
  });

  it('refuses other units, other roles, bad input and answered clusters with stable codes, changing nothing', async () => {
    const letter = await clusterOf(letters[0]!);
    const other = await clusterOf(others[0]!);
    const before = await app.query(
      `SELECT cluster_id, size, label FROM opinion_clusters WHERE decision_id = '${id}' ORDER BY cluster_id`,
    );
    const cases: Array<[string, string, unknown, string, number, string]> = [
      ['another unit', 'merge', { clusterIds: [letter, other] }, 'drafter-b', 404, 'DECISION_NOT_FOUND'],
      ['the admin role', 'merge', { clusterIds: [letter, other] }, 'admin', 403, 'ROLE_NOT_ALLOWED'],
      ['no cluster ids', 'merge', { label: 'x' }, 'drafter', 422, 'VALIDATION_FAILED'],
      ['one cluster', 'merge', { clusterIds: [letter] }, 'drafter', 422, 'INVALID_CLUSTER_IDS'],
      ['an unknown cluster', 'merge', { clusterIds: [letter, 'r1-999'] }, 'drafter', 404, 'CLUSTER_NOT_FOUND'],
      ['an unknown field', 'relabel', { clusterId: letter, label: 'x', extra: 1 }, 'drafter', 422, 'VALIDATION_FAILED'],
      ['an empty label', 'relabel', { clusterId: letter, label: '   ' }, 'drafter', 422, 'INVALID_LABEL'],
      ['neither label nor stance', 'relabel', { clusterId: letter }, 'drafter', 422, 'INVALID_LABEL'],
      ['an unknown stance', 'relabel', { clusterId: letter, stance: 'maybe' }, 'drafter', 422, 'VALIDATION_FAILED'],
      [
        'a receipt typo',
        'split',
        { clusterId: letter, receipts: ['not-a-receipt'], label: 'x' },
        'drafter',
        422,
        'INVALID_RECEIPT',
      ],
      [
        'a receipt of another cluster',
        'split',
        { clusterId: letter, receipts: [others[0]], label: 'x' },
        'drafter',
        422,
        'RECEIPTS_NOT_IN_CLUSTER',
      ],
      [
        'every opinion',
        'split',
        { clusterId: letter, receipts: letters, label: 'x' },
        'drafter',
        422,
        'SPLIT_TAKES_ALL',
      ],
    ];
    for (const [name, action, body, user, status, code] of cases) {
      const reply = await edit(action, body, user);
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({ name, status, code });
    }
    const malformed = await call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/clusters/merge`, {
      token: tokens['drafter'],
      rawBody: '{"clusterIds": [',
    });
    expect(malformed.status).toBe(400);
    const answered = await ok('drafter', 'answers', {
      answers: [{ target: { cluster: letter }, verdict: 'adopted', text: '已采纳' }],
    });
    expect(answered.recorded).toBe(1);
    const refused = await edit('merge', { clusterIds: [letter, other] });
    expect([refused.status, refused.body.code]).toEqual([409, 'CLUSTER_ANSWERED']);
    expect(
      await app.query(
        `SELECT cluster_id, size, label FROM opinion_clusters WHERE decision_id = '${id}' ORDER BY cluster_id`,
      ),
    ).toEqual(before);
  });
});
