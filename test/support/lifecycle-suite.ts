import { createHash } from 'node:crypto';
import { verifyChain, type PublicLogEntry } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from './databases';
import { aRegistration } from './decisions';
import { call, login, type Reply } from './http';
import { assertConfidentialAfterPublication } from '../medium/support/public-surfaces';
import { recordHistories } from './replay-recorder';
import { uniqueTaskQueue } from './temporal';
import { eventually } from './eventually';

const PASSWORD = 'e2e-password';
const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');
const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();
const inDays = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString();

/** A gateway (or several behind one URL) with its workers, on some Temporal, over one app database. */
export interface LifecycleSystem {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The lifecycle e2e (one decision through every stage over HTTP, deadlines seconds away), written once and run
 * on the dev server by the medium tier (test/medium/lifecycle.medium.spec.ts) and on the production topology by
 * the cluster tier (test/cluster/lifecycle.cluster.spec.ts): `start` brings up the system under test.
 */
export function describeLifecycle(
  where: string,
  databaseKind: 'sqlite' | 'postgres',
  start: (databaseUrl: string, taskQueue: string) => Promise<LifecycleSystem>,
): void {
  describe(`one decision through every stage over HTTP, with deadlines seconds away (${where})`, () => {
    let db: TestDatabase;
    let system: LifecycleSystem;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      db = await createTestDatabase(databaseKind);
      const dataSource = await openDatabase(db.config, { migrate: true });
      await seedDemoAccounts(dataSource, PASSWORD, new Date());
      await dataSource.destroy();
      system = await start(db.url, uniqueTaskQueue('lifecycle'));
      for (const user of ['drafter', 'reviewer', 'manager', 'drafter-b'])
        tokens[user] = await login(system.baseUrl, user, PASSWORD);
    }, 120_000);

    afterAll(async () => {
      await system?.stop();
      await db?.drop();
    });

    const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<Reply> =>
      call(system.baseUrl, 'POST', `/api/v1/decisions/${id}/${action}`, { token: tokens[user], json: body });

    async function ok(user: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<any> {
      const reply = await act(user, id, action, body);
      if (reply.status !== 200) throw new Error(`${action} by ${user}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    }

    async function refused(
      user: string,
      id: string,
      action: string,
      body: Record<string, unknown>,
      status: number,
      code: string,
    ): Promise<void> {
      const reply = await act(user, id, action, body);
      expect({ action, status: reply.status, code: reply.body.code }).toEqual({ action, status, code });
      expect(reply.contentType).toContain('application/problem+json');
    }

    async function timeline(id: string): Promise<PublicLogEntry[]> {
      return (await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}/timeline`)).body
        .entries as PublicLogEntry[];
    }

    async function waitForEvent(id: string, type: string, timeoutMs = 30_000): Promise<void> {
      await eventually(async () => (await timeline(id)).some((e) => e.type === type), {
        timeoutMs,
        intervalMs: 250,
        what: `${type} appears`,
      });
    }

    const lastReview = (state: { reviews?: Array<{ id: string }> }): string => state.reviews!.at(-1)!.id;

    it('runs drafting → pre-disclosure → consultation → feedback → deciding → execution → evaluation → closed', async () => {
      const registered = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration({ riskAssessmentRequired: true }),
      });
      expect(registered.status).toBe(201);
      const id = registered.body.decisionId as string;

      // drafting
      await ok('drafter', id, 'draft-versions', {
        draft: '第一条 …',
        basis: '《重大行政决策程序暂行条例》',
        explanation: '起草说明',
      });
      await refused('drafter-b', id, 'draft-versions', { draft: 'x', basis: 'y', explanation: 'z' }, 403, 'OTHER_UNIT');
      await refused(
        'drafter',
        id,
        'consultation-plan',
        { channels: ['online'], opensAt: inSeconds(3), closesAt: inSeconds(8) },
        422,
        'CONSULTATION_TOO_SHORT',
      );
      const closesAt = inSeconds(9);
      await ok('drafter', id, 'consultation-plan', {
        channels: ['online', 'hearing', 'symposium'],
        opensAt: inSeconds(4),
        closesAt,
        shortenedReason: '应急事项，需尽快实施',
      });
      await refused('drafter', id, 'submit-for-publication', {}, 409, 'SHORTENING_NOT_APPROVED');
      await ok('manager', id, 'shortened-consultation-approval');
      const submitted = await ok('drafter', id, 'submit-for-publication');
      await refused('drafter', id, 'approve', { reviewId: lastReview(submitted) }, 403, 'ROLE_NOT_ALLOWED');
      const disclosed = await ok('reviewer', id, 'approve', { reviewId: lastReview(submitted) });
      expect(disclosed.stage).toBe('pre_disclosure');

      // pre-disclosure: a hearing needs 7 days' notice
      await refused(
        'drafter',
        id,
        'hearings',
        { date: inDays(2), place: '市政府第一会议室', selectionMethod: '随机抽取', participants: ['市民代表'] },
        422,
        'HEARING_NOTICE_TOO_SHORT',
      );
      await ok('drafter', id, 'hearings', {
        date: inDays(8),
        place: '市政府第一会议室',
        selectionMethod: '随机抽取',
        participants: ['市民代表', '企业代表'],
      });

      // consultation opens and closes by itself
      await waitForEvent(id, 'ConsultationOpened');
      await ok('drafter', id, 'channel-records', {
        channel: 'symposium',
        date: inSeconds(-1),
        participantsCount: 12,
        minutes: '座谈会纪要',
      });
      await refused('manager', id, 'extend', { closesAt: inSeconds(-60), reason: '延长' }, 422, 'EXTENSION_NOT_LATER');
      await ok('manager', id, 'extend', {
        closesAt: new Date(Date.parse(closesAt) + 2_000).toISOString(),
        reason: '意见较多，延长征求意见期',
      });
      await waitForEvent(id, 'ConsultationClosed');

      // feedback
      const feedback = await ok('drafter', id, 'feedback-report', {
        summary: '共收到意见 12 条',
        draftChanges: '第三条修改',
      });
      await ok('reviewer', id, 'approve', { reviewId: lastReview(feedback) });

      // deciding: legality review and risk assessment gate the collective decision
      const late = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text: '征求意见期已过' },
      });
      expect([late.status, late.body.code]).toEqual([409, 'CONSULTATION_NOT_OPEN']);
      const meeting = {
        meeting: '市政府第 12 次常务会议',
        date: inSeconds(0),
        outcome: 'adopted',
        dissent: '一名委员对第三条保留意见',
      };
      await refused('manager', id, 'collective-decision', meeting, 409, 'LEGALITY_REVIEW_REQUIRED');
      await refused('drafter', id, 'legality-review-request', { dueAt: inDays(1) }, 422, 'LEGALITY_REVIEW_TOO_SHORT');
      await ok('drafter', id, 'legality-review-request');
      await ok('reviewer', id, 'legality-review', { opinion: 'lawful', text: '合法' });
      await refused('manager', id, 'collective-decision', meeting, 409, 'RISK_ASSESSMENT_REQUIRED');
      await ok('drafter', id, 'risk-assessments', {
        riskPoints: '群体性风险',
        measures: '分步实施',
        contingency: '应急预案',
        conclusion: 'controllable',
      });
      await ok('manager', id, 'collective-decision', meeting);
      const plan = {
        text: '决定全文',
        adoptionExplanation: '采纳意见 8 条',
        executionUnit: 'unit-a',
        milestones: [
          { title: '出台实施细则', unit: 'unit-a', dueAt: inDays(60), weight: 2 },
          { title: '系统上线', unit: 'unit-a', dueAt: inSeconds(6), weight: 1 },
        ],
        evaluationDueAt: inDays(365),
      };
      await refused(
        'drafter',
        id,
        'publish-decision',
        { ...plan, interpretation: { plainLanguage: '' } },
        422,
        'INTERPRETATION_REQUIRED',
      );
      const publication = await ok('drafter', id, 'publish-decision', {
        ...plan,
        interpretation: { plainLanguage: '一图读懂', qa: [{ question: '何时实施？', answer: '明年起' }] },
      });
      const executing = await ok('reviewer', id, 'approve', { reviewId: lastReview(publication) });
      expect(executing.stage).toBe('execution');
      // the standing channel: the public can send opinions on the execution (art.34)
      const onExecution = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
        json: { text: '实施中发现补贴发放不及时' },
      });
      expect(onExecution.status).toBe(201);

      // execution: progress, an overdue milestone, audit, rectification, accountability
      await refused(
        'drafter',
        id,
        'draft-versions',
        { draft: 'x', basis: 'y', explanation: 'z' },
        409,
        'ILLEGAL_TRANSITION',
      );
      const progress = await ok('drafter', id, 'progress-reports', {
        milestoneId: 'm1',
        percent: 50,
        narrative: '细则已起草',
      });
      await ok('reviewer', id, 'approve', { reviewId: lastReview(progress) });
      await waitForEvent(id, 'MilestoneOverdue');
      const board = await call(system.baseUrl, 'GET', '/api/v1/decisions?stage=execution&overdue=true', {
        token: tokens['manager'],
      });
      expect(board.body.items.map((d: { id: string }) => d.id)).toContain(id);
      const publicView = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`);
      expect(publicView.body).toMatchObject({ stage: 'execution', overdue: true, progress: 33.3 });
      await ok('reviewer', id, 'audit-findings', {
        finding: '资金拨付滞后',
        severity: 'medium',
        rectificationDueAt: inDays(30),
      });
      await ok('drafter', id, 'rectifications', { findingId: 'f1', action: '已拨付', status: 'completed' });
      await ok('manager', id, 'accountability', { subject: '财务处', measure: '通报批评', date: inSeconds(0) });

      // evaluation: never by the drafting unit; the author never approves their own report
      await refused('manager', id, 'evaluation', { evaluatorUnit: 'unit-a' }, 403, 'EVALUATOR_IS_DRAFTING_UNIT');
      await ok('manager', id, 'evaluation', { evaluatorUnit: 'unit-b' });
      const adjust = await ok('manager', id, 'evaluation-report', {
        conclusion: 'adjust',
        report: '效果基本达到预期，需调整进度',
        adjustmentReason: '系统上线延期',
        revisedMilestones: [{ title: '系统二期上线', unit: 'unit-a', dueAt: inDays(90), weight: 1 }],
      });
      await refused('manager', id, 'approve', { reviewId: lastReview(adjust) }, 403, 'SELF_REVIEW');
      expect((await ok('reviewer', id, 'approve', { reviewId: lastReview(adjust) })).stage).toBe('execution');
      await ok('manager', id, 'evaluation', { evaluatorUnit: 'unit-b' });
      const terminate = await ok('manager', id, 'evaluation-report', {
        conclusion: 'terminate',
        report: '政策目标已实现',
      });
      expect((await ok('reviewer', id, 'approve', { reviewId: lastReview(terminate) })).stage).toBe('closed');

      // the whole public timeline: types in order, gap-free, a valid chain
      const entries = await timeline(id);
      expect(entries.map((e) => e.type)).toEqual([
        'DecisionRegistered',
        'DraftPublished',
        'HearingNoticed',
        'ConsultationOpened',
        'ChannelRecorded',
        'ConsultationExtended',
        'ConsultationClosed',
        'FeedbackPublished',
        'DecisionAdopted',
        'DecisionPublished',
        'MilestonePlanned',
        'MilestonePlanned',
        'ProgressReported',
        'MilestoneOverdue',
        'AuditFindingPublished',
        'RectificationReported',
        'AccountabilityPublished',
        'EvaluationStarted',
        'EvaluationPublished',
        'DecisionAdjusted',
        'MilestonePlanned',
        'EvaluationStarted',
        'EvaluationPublished',
        'DecisionTerminated',
      ]);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, index) => index + 1));
      expect(verifyChain(id, entries, sha256Hex).ok).toBe(true);
      expect(JSON.stringify(entries)).not.toMatch(/accountId|username|acc-/);
      expect((await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`)).body.stage).toBe('closed');
      await recordHistories(id, 'lifecycle-adjusted-terminated');
    });

    it('returns a draft from the collective decision to drafting, keeping the history', async () => {
      const registered = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration({ title: '退回的决策' }),
      });
      const id = registered.body.decisionId as string;
      await ok('drafter', id, 'draft-versions', { draft: '草案', basis: '依据', explanation: '说明' });
      await ok('drafter', id, 'consultation-plan', {
        channels: ['online'],
        opensAt: inSeconds(1),
        closesAt: inSeconds(3),
        shortenedReason: '测试用短期征求意见',
      });
      await ok('manager', id, 'shortened-consultation-approval');
      await ok('reviewer', id, 'approve', { reviewId: lastReview(await ok('drafter', id, 'submit-for-publication')) });
      await waitForEvent(id, 'ConsultationClosed');
      await ok('reviewer', id, 'approve', {
        reviewId: lastReview(await ok('drafter', id, 'feedback-report', { summary: '无意见', draftChanges: '无' })),
      });
      await ok('drafter', id, 'legality-review-request');
      await ok('reviewer', id, 'legality-review', { opinion: 'lawful_with_changes', text: '修改后合法' });
      const returned = await ok('manager', id, 'collective-decision', {
        meeting: '常务会议',
        date: inSeconds(0),
        outcome: 'returned',
        reason: '需进一步论证',
      });
      expect(returned.stage).toBe('drafting');
      const types = (await timeline(id)).map((e) => e.type);
      expect(types.at(-1)).toBe('DecisionReturned');
      expect(types.filter((t) => t === 'DraftPublished')).toHaveLength(1);
      await ok('drafter', id, 'draft-versions', { draft: '草案第二稿', basis: '依据', explanation: '说明' });
      await recordHistories(id, 'returned');
    });

    it('shows nothing of a confidential decision on any public endpoint before its publication, and after it only what the reviewer approved', async () => {
      const title = '涉密决策标题';
      const summary = '涉密登记摘要';
      const ground = '依法确定为工作秘密';
      const registered = await call(system.baseUrl, 'POST', '/api/v1/decisions', {
        token: tokens['drafter'],
        json: aRegistration({ title, summary, confidential: true, confidentialGround: ground }),
      });
      const id = registered.body.decisionId as string;
      const assertInvisible = async (): Promise<void> => {
        const opinion = await call(system.baseUrl, 'POST', `/api/v1/public/decisions/${id}/opinions`, {
          json: { text: '试探' },
        });
        expect([opinion.status, opinion.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);
        for (const path of [
          `/api/v1/public/decisions/${id}`,
          `/api/v1/public/decisions/${id}/timeline`,
          `/api/v1/public/decisions/${id}/opinions`,
          `/feeds/decisions/${id}.atom`,
        ]) {
          const reply = await call(system.baseUrl, 'GET', path);
          expect([path, reply.status]).toEqual([path, 404]);
        }
        const catalogue = await call(system.baseUrl, 'GET', `/api/v1/public/decisions?q=${encodeURIComponent(title)}`);
        expect(catalogue.body.total).toBe(0);
        expect(
          JSON.stringify((await call(system.baseUrl, 'GET', '/api/v1/public/decisions?pageSize=100')).body),
        ).not.toContain(id);
        for (const path of [
          '/api/v1/public/export/decisions.json',
          '/api/v1/public/export/opinions.csv',
          '/api/v1/public/export/opinions.json',
          '/feeds/decisions.atom',
        ]) {
          const reply = await call(system.baseUrl, 'GET', path);
          expect([
            path,
            reply.status,
            JSON.stringify(reply.body).includes(id) || JSON.stringify(reply.body).includes(title),
          ]).toEqual([path, 200, false]);
        }
        for (const format of ['csv', 'json'])
          expect(
            (await call(system.baseUrl, 'GET', `/api/v1/public/export/opinions.${format}?decision=${id}`)).status,
          ).toBe(404);
      };
      await assertInvisible();
      await ok('drafter', id, 'draft-versions', { draft: '涉密草案', basis: '依据', explanation: '说明' });
      await refused(
        'drafter',
        id,
        'consultation-plan',
        { channels: ['online'], opensAt: inDays(1), closesAt: inDays(40) },
        409,
        'ILLEGAL_TRANSITION',
      );
      await ok('drafter', id, 'expert-opinions', {
        expert: '专家甲',
        opinion: '可行',
        conflictOfInterestDeclaration: '无利害关系',
        hasDirectInterest: false,
      });
      await ok('drafter', id, 'submit-for-decision');
      await ok('drafter', id, 'legality-review-request');
      await ok('reviewer', id, 'legality-review', { opinion: 'lawful', text: '合法' });
      await ok('manager', id, 'collective-decision', { meeting: '专题会议', date: inSeconds(0), outcome: 'adopted' });
      await assertInvisible();
      const plan = {
        text: '决定全文',
        interpretation: { plainLanguage: '解读' },
        executionUnit: 'unit-a',
        milestones: [{ title: '实施', unit: 'unit-a', dueAt: inDays(30), weight: 1 }],
        evaluationDueAt: inDays(365),
      };
      const approved = { publicTitle: '经审核公开的标题', publicSummary: '经审核公开的摘要' };
      await refused('drafter', id, 'publish-decision', plan, 422, 'FIELD_REQUIRED');
      const publication = await ok('drafter', id, 'publish-decision', { ...plan, ...approved });
      await assertInvisible();
      await ok('reviewer', id, 'approve', { reviewId: lastReview(publication) });
      const entries = await timeline(id);
      expect(entries.map((e) => [e.seq, e.type])).toEqual([
        [1, 'DecisionPublished'],
        [2, 'MilestonePlanned'],
      ]);
      expect(entries[0]!.data).toMatchObject(approved);
      expect(verifyChain(id, entries, sha256Hex).ok).toBe(true);
      const published = await call(system.baseUrl, 'GET', `/api/v1/public/decisions/${id}`);
      expect(published.body).toMatchObject({
        id,
        stage: 'execution',
        title: approved.publicTitle,
        summary: approved.publicSummary,
      });
      await assertConfidentialAfterPublication(system.baseUrl, id, approved.publicTitle, [
        title,
        summary,
        ground,
        '涉密草案',
        '专家甲',
        '试探',
      ]);
      await recordHistories(id, 'confidential-published');
    });
  });
}
