import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { verifyChain, type PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { OpinionEntity } from '../../libs/persistence/src/entities/opinion.entity';
import { decisionWorkflowId } from '../../workflows/definitions';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { eventually } from '../support/eventually';
import { call, login, type Reply } from '../support/http';
import { assertConfidentialAfterPublication } from './support/public-surfaces';
import { recordHistories } from '../support/replay-recorder';
import { testClient, uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';
const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();
const inDays = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString();
const SECRET_SUMMARY = '登记时的涉密摘要';
const APPROVED = { publicTitle: '关于公开事项的决定', publicSummary: '经审核同意公开的摘要' };

/** ADR 28 (closed and terminated decisions stay addressable) and ADR 29 (confidential after publication). */
describe.each(databaseKinds())('closed and confidential decisions after the end, over HTTP, on %s', (kind) => {
  let db: TestDatabase;
  let system: MediumSystem;
  let client: Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    client = await testClient();
    system = await startMediumSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('closed') });
    for (const user of ['drafter', 'reviewer', 'manager']) tokens[user] = await login(system.baseUrl, user, PASSWORD);
  });

  afterAll(async () => {
    await system?.stop();
    await client?.connection.close();
    await db?.drop();
  });

  const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<Reply> =>
    call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/${action}`, { token: tokens[user], json: body });

  async function ok(user: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<any> {
    const reply = await act(user, id, action, body);
    if (reply.status !== 200) throw new Error(`${action} by ${user}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async function refusedAsIllegal(
    id: string,
    user: string,
    action: string,
    body: Record<string, unknown>,
  ): Promise<void> {
    const reply = await act(user, id, action, body);
    expect({ action, status: reply.status, code: reply.body.code, type: reply.contentType }).toEqual({
      action,
      status: 409,
      code: 'ILLEGAL_TRANSITION',
      type: expect.stringContaining('application/problem+json'),
    });
  }

  const timeline = async (id: string): Promise<PublicLogEntry[]> =>
    (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body.entries as PublicLogEntry[];
  const lastReview = (state: { reviews?: Array<{ id: string }> }): string => state.reviews!.at(-1)!.id;
  const accountability = { subject: '市发展改革委', measure: '通报批评并责令整改', date: inSeconds(0) };

  /** A confidential decision to execution (the shortest way there), published with an approved public title and summary. */
  async function toExecution(): Promise<string> {
    const registered = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
      token: tokens['drafter'],
      json: aRegistration({
        title: '涉密事项登记标题',
        summary: SECRET_SUMMARY,
        confidential: true,
        confidentialGround: '工作秘密',
      }),
    });
    const id = registered.body.decisionId as string;
    await ok('drafter', id, 'draft-versions', { draft: '涉密草案', basis: '依据', explanation: '说明' });
    await ok('drafter', id, 'submit-for-decision');
    await ok('drafter', id, 'legality-review-request');
    await ok('reviewer', id, 'legality-review', { opinion: 'lawful', text: '合法' });
    await ok('manager', id, 'collective-decision', { meeting: '专题会议', date: inSeconds(0), outcome: 'adopted' });
    const publication = await ok('drafter', id, 'publish-decision', {
      text: '决定全文',
      interpretation: { plainLanguage: '解读' },
      executionUnit: 'unit-a',
      milestones: [{ title: '实施', unit: 'unit-a', dueAt: inDays(30), weight: 1 }],
      evaluationDueAt: inDays(365),
      ...APPROVED,
    });
    expect((await ok('reviewer', id, 'approve', { reviewId: lastReview(publication) })).stage).toBe('execution');
    return id;
  }

  /** Accountability is recorded and public on a decision in `closed`; other actions answer 409; reads work. */
  async function assertAddressableWhenClosed(id: string): Promise<void> {
    const before = await timeline(id);
    expect((await ok('manager', id, 'accountability', accountability)).stage).toBe('closed');
    const after = await timeline(id);
    expect(after.slice(before.length).map((e) => [e.seq, e.type, e.data])).toEqual([
      [before.length + 1, 'AccountabilityPublished', accountability],
    ]);
    expect(verifyChain(id, after, sha256Hex).ok).toBe(true);
    await refusedAsIllegal(id, 'drafter', 'milestones', {
      milestones: [{ title: '新增', unit: 'unit-a', dueAt: inDays(10), weight: 1 }],
    });
    await refusedAsIllegal(id, 'manager', 'close', {});
    await refusedAsIllegal(id, 'reviewer', 'audit-findings', {
      finding: '问题',
      severity: 'low',
      rectificationDueAt: inDays(30),
    });
    expect((await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body).toMatchObject({
      id,
      stage: 'closed',
    });
    expect((await call(system.baseUrl, 'GET', `/decisions/${id}`)).status).toBe(200);
    expect(
      (await call(system.baseUrl, 'GET', `/api/v1/decisions/${id}`, { token: tokens['manager'] })).body,
    ).toMatchObject({ id, stage: 'closed' });
  }

  it('records accountability on a closed decision publicly and refuses every other action with 409', async () => {
    const id = await toExecution();
    await ok('reviewer', id, 'approve', {
      reviewId: lastReview(
        await ok('drafter', id, 'progress-reports', { milestoneId: 'm1', percent: 100, narrative: '已完成' }),
      ),
    });
    expect((await ok('manager', id, 'close', { reason: '全部里程碑已完成' })).stage).toBe('closed');
    await assertAddressableWhenClosed(id);
    await recordHistories(id, 'closed-addressable');
  });

  it('keeps a terminated decision addressable the same way', async () => {
    const id = await toExecution();
    await ok('manager', id, 'evaluation', { evaluatorUnit: 'unit-b' });
    const report = await ok('manager', id, 'evaluation-report', { conclusion: 'terminate', report: '政策目标已实现' });
    expect((await ok('reviewer', id, 'approve', { reviewId: lastReview(report) })).stage).toBe('closed');
    expect((await timeline(id)).at(-1)!.type).toBe('DecisionTerminated');
    await assertAddressableWhenClosed(id);
  });

  it('acts on a closed decision whose run had already ended, in a new run started from its last state', async () => {
    const id = await toExecution();
    await ok('reviewer', id, 'approve', {
      reviewId: lastReview(
        await ok('drafter', id, 'progress-reports', { milestoneId: 'm1', percent: 100, narrative: '已完成' }),
      ),
    });
    await ok('manager', id, 'close', { reason: '全部里程碑已完成' });
    // What a run that completed before ADR 28 looks like to the gateway: no running workflow.
    const handle = client.workflow.getHandle(decisionWorkflowId(id));
    const ended = (await handle.describe()).runId;
    await handle.terminate('simulates a run that ended at closed before ADR 28');
    await eventually(async () => (await handle.describe()).status.name === 'TERMINATED', { what: 'the run ended' });
    await assertAddressableWhenClosed(id);
    const resumed = await handle.describe();
    expect([resumed.status.name, resumed.runId === ended]).toEqual(['RUNNING', false]);
    expect((await ok('manager', id, 'accountability', { ...accountability, subject: '市财政局' })).stage).toBe(
      'closed',
    );
    expect((await handle.describe()).runId).toBe(resumed.runId);
    await recordHistories(id, 'closed-resumed');
  });

  it('keeps a published confidential decision confidential on every public surface, even an opinion stored before intake was closed', async () => {
    const id = await toExecution();
    const dataSource = await openDatabase(db.config, { migrate: false });
    try {
      // An opinion accepted before confidential decisions lost their public intake (ADR 29).
      await dataSource.manager.insert(OpinionEntity, {
        receipt: 'OD-LEAK-0000-X',
        decisionId: id,
        phase: 'execution',
        channel: 'online',
        section: null,
        textRaw: '旧的执行期意见',
        textPublic: '旧的执行期意见',
        contact: null,
        idempotencyKey: null,
        requestHash: 'h',
        receivedAt: inSeconds(-1),
        status: 'published',
        withheldReason: null,
        round: 0,
        clusterId: null,
      });
    } finally {
      await dataSource.destroy();
    }
    await assertConfidentialAfterPublication(system.baseUrl, id, APPROVED.publicTitle, [
      '涉密事项登记标题',
      SECRET_SUMMARY,
      '工作秘密',
      '涉密草案',
      '旧的执行期意见',
      'OD-LEAK',
    ]);
    const feed = await call(system.baseUrl, 'GET', `/feeds/decisions/${id}.atom`);
    expect(String(feed.body)).toContain(APPROVED.publicTitle);
  });
});
