import type { DataSource } from 'typeorm';
import { eventually } from '../../support/eventually';
import { call } from '../../support/http';

// The staff side of the public-site browser tests, driven through the JSON API (the console is another
// test's subject): answers, the feedback report, the decision and its execution.

export const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString();

export interface Staff {
  baseUrl: string;
  tokens: Record<string, string>;
}

export async function act(
  staff: Staff,
  user: string,
  decisionId: string,
  action: string,
  body: Record<string, unknown> = {},
): Promise<any> {
  const reply = await call(staff.baseUrl, 'POST', `/api/v1/decisions/${decisionId}/${action}`, {
    token: staff.tokens[user],
    json: body,
  });
  if (reply.status !== 200) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Submits for review and has the reviewer approve it. */
export async function published(
  staff: Staff,
  decisionId: string,
  action: string,
  body: Record<string, unknown>,
): Promise<any> {
  const submitted = await act(staff, 'drafter', decisionId, action, body);
  return act(staff, 'reviewer', decisionId, 'approve', { reviewId: submitted.reviews.at(-1).id });
}

export async function waitForStage(
  baseUrl: string,
  decisionId: string,
  stage: string,
  timeoutMs = 40_000,
): Promise<void> {
  await eventually(
    async () => (await call(baseUrl, 'GET', `/api/v1/public/decisions/${decisionId}`)).body.stage === stage,
    { timeoutMs, intervalMs: 250, what: `decision ${decisionId} reaches ${stage}` },
  );
}

export async function waitForEvent(
  baseUrl: string,
  decisionId: string,
  type: string,
  timeoutMs = 40_000,
): Promise<void> {
  await eventually(
    async () =>
      (
        (await call(baseUrl, 'GET', `/api/v1/public/decisions/${decisionId}/timeline`)).body.entries as Array<{
          type: string;
        }>
      ).some((e) => e.type === type),
    { timeoutMs, intervalMs: 250, what: `${type} appears on ${decisionId}` },
  );
}

/**
 * After the seal: waits for the clustering activity, answers every cluster, confirms every cluster's label
 * as it is (ADR 77: the report is refused while one is unconfirmed), and publishes the feedback report.
 */
export async function publishFeedback(
  staff: Staff,
  app: DataSource,
  decisionId: string,
  answer: { verdict: string; text: string; reason: string },
): Promise<void> {
  const clusteredAt = async (): Promise<string | null> =>
    (
      (await app.query(`SELECT clustered_at AS at FROM consultations WHERE decision_id = '${decisionId}'`)) as Array<{
        at: string | null;
      }>
    )[0]?.at ?? null;
  // The real clustering activity (its retries start at 5 s; a loaded machine runs it late). Never seeded
  // here: a seed raced the activity's own writes (duplicate cluster keys on PostgreSQL).
  const clusterIds = async (): Promise<string[]> =>
    (
      (await app.query(`SELECT cluster_id AS c FROM opinion_clusters WHERE decision_id = '${decisionId}'`)) as Array<{
        c: string;
      }>
    ).map((r) => r.c);
  // eventually() takes any value but undefined/false as done, so "not clustered yet" must be undefined (a
  // null returned at once, and the clusters were read before the activity wrote them). The clusters count
  // only when a finished run's stamp is the same before and after they are read (a retried run clears it).
  const clusters = await eventually(
    async () => {
      const before = await clusteredAt();
      if (before === null) return undefined;
      const ids = await clusterIds();
      return ids.length > 0 && (await clusteredAt()) === before ? ids : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 250, what: 'clusters written by the clustering activity' },
  );
  const answers = clusters.map((cluster) => ({ target: { cluster }, ...answer }));
  const reply = await call(staff.baseUrl, 'POST', `/api/v1/decisions/${decisionId}/answers`, {
    token: staff.tokens['drafter'],
    json: { answers },
  });
  if (reply.status !== 200) throw new Error(`answers: ${reply.status} ${JSON.stringify(reply.body)}`);
  for (const clusterId of clusters) {
    const confirmed = await call(staff.baseUrl, 'POST', `/api/v1/decisions/${decisionId}/clusters/confirm-label`, {
      token: staff.tokens['drafter'],
      json: { clusterId },
    });
    if (confirmed.status !== 200)
      throw new Error(`confirm-label: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  }
  await published(staff, decisionId, 'feedback-report', {
    summary: '共收到意见若干条，已逐类答复。',
    draftChanges: '第三条夜间收费标准下调。',
  });
}

/**
 * From the feedback stage (no opinions) to execution with two milestones — one due in seconds, so it
 * turns overdue — then a progress report, an audit finding with its rectification, and accountability.
 */
export async function driveToExecution(staff: Staff, decisionId: string): Promise<void> {
  await waitForStage(staff.baseUrl, decisionId, 'feedback');
  await published(staff, decisionId, 'feedback-report', { summary: '未收到意见。', draftChanges: '无修改。' });
  await act(staff, 'drafter', decisionId, 'legality-review-request');
  await act(staff, 'reviewer', decisionId, 'legality-review', { opinion: 'lawful', text: '合法' });
  await act(staff, 'manager', decisionId, 'collective-decision', {
    meeting: '市政府常务会议',
    date: inSeconds(0),
    outcome: 'adopted',
  });
  await published(staff, decisionId, 'publish-decision', {
    text: '一、实施老旧小区改造三年行动。',
    interpretation: {
      plainLanguage: '改造内容包括加装电梯、管网更新和停车设施。',
      qa: [{ question: '改造要居民出钱吗？', answer: '加装电梯按楼栋协商分担，其余由财政承担。' }],
    },
    adoptionExplanation: '征求意见期间未收到意见。',
    executionUnit: 'unit-a',
    milestones: [
      { title: '完成改造摸底调查', unit: 'unit-a', dueAt: inSeconds(3), weight: 1 },
      { title: '完成首批 50 个小区改造', unit: 'unit-a', dueAt: inSeconds(400 * 86_400), weight: 3 },
    ],
    evaluationDueAt: inSeconds(800 * 86_400),
  });
  await published(staff, decisionId, 'progress-reports', {
    milestoneId: 'm2',
    percent: 60,
    narrative: '已完成 30 个小区。',
  });
  await act(staff, 'reviewer', decisionId, 'audit-findings', {
    finding: '部分改造资金拨付滞后',
    severity: 'medium',
    rectificationDueAt: inSeconds(90 * 86_400),
  });
  await act(staff, 'drafter', decisionId, 'rectifications', {
    findingId: 'f1',
    action: '已建立资金拨付台账并按月通报',
    status: 'in_progress',
  });
  await act(staff, 'manager', decisionId, 'accountability', {
    subject: '区住建局工程科',
    measure: '约谈并责令整改',
    date: inSeconds(0),
  });
  await waitForEvent(staff.baseUrl, decisionId, 'MilestoneOverdue');
}
