import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, type StaffActor } from '../../libs/domain/src';
import {
  confirmClusterLabel,
  correctClusterStance,
  feedbackReportFacts,
  listClusterOpinions,
  listClusters,
  lookupReceipt,
  mergeClusters,
  recordAnswers,
  relabelCluster,
  splitCluster,
} from '../../libs/persistence/src';
import { ClusterLabelConfirmed1765600000000 as PostgresLabelConfirmed } from '../../libs/persistence/src/migrations/postgres/1765600000000-cluster-label-confirmed';
import { ClusterLabelConfirmed1765600000000 as SqliteLabelConfirmed } from '../../libs/persistence/src/migrations/sqlite/1765600000000-cluster-label-confirmed';
import { databaseKinds } from '../support/databases';
import { seedClusters, seedDecision } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';

const drafter: StaffActor = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const now = new Date('2026-12-04T00:00:00.000Z');
const policy = DEFAULT_POLICY;

/** A decision in feedback with three clusters: r1-1 (12 opinions), r1-2 (5), r1-3 (3). */
async function seeded(dataSource: DataSource, id: string, labelConfirmed = true): Promise<string[]> {
  const receipts = await seedDecision(
    dataSource,
    id,
    Array.from({ length: 20 }, (_, i) => ({
      text: `意见${i}`,
      receivedAt: `2026-11-10T00:00:${String(i).padStart(2, '0')}.000Z`,
    })),
  );
  await seedClusters(dataSource, id, [
    { clusterId: 'r1-1', label: '停车', receipts: receipts.slice(0, 12), labelConfirmed },
    { clusterId: 'r1-2', label: '公交', receipts: receipts.slice(12, 17), labelConfirmed },
    { clusterId: 'r1-3', label: '图书馆', receipts: receipts.slice(17), labelConfirmed },
  ]);
  return receipts;
}

async function sizes(dataSource: DataSource, id: string): Promise<Record<string, [number, number]>> {
  const rows = (await dataSource.query(
    `SELECT cluster_id AS id, size FROM opinion_clusters WHERE decision_id = '${id}'`,
  )) as Array<{ id: string; size: number | string }>;
  const counts = (await dataSource.query(
    `SELECT cluster_id AS id, COUNT(*) AS n FROM opinions WHERE decision_id = '${id}' GROUP BY cluster_id`,
  )) as Array<{ id: string; n: number | string }>;
  const members = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return Object.fromEntries(rows.map((r) => [r.id, [Number(r.size), members.get(r.id) ?? 0]]));
}

async function workLog(dataSource: DataSource, id: string): Promise<Array<{ type: string; actor: any; data: any }>> {
  const rows = (await dataSource.query(
    `SELECT type, actor, data FROM feedback_work_log WHERE decision_id = '${id}' ORDER BY id`,
  )) as Array<{ type: string; actor: string; data: string }>;
  return rows.map((r) => ({ type: r.type, actor: JSON.parse(r.actor), data: JSON.parse(r.data) }));
}

describe.each(databaseKinds())('staff edits of clusters on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('lists the clusters largest first with the concentration threshold over the round', async () => {
    const id = `ce-list-${kind}`;
    await seeded(dataSource, id);
    const page = await listClusters(dataSource, id, policy, { page: 1, pageSize: 2 });
    expect(page).toMatchObject({ total: 3, opinions: 20, concentratedFrom: 10, page: 1, pageSize: 2 });
    expect(page.items.map((c) => [c.clusterId, c.size, c.concentrated])).toEqual([
      ['r1-1', 12, true],
      ['r1-2', 5, false],
    ]);
    expect(page.items[0]!.representative).toMatchObject({ text: '意见0', status: 'published' });
    expect(
      (await listClusters(dataSource, id, policy, { page: 1, pageSize: 20, concentrated: false })).items.map(
        (c) => c.clusterId,
      ),
    ).toEqual(['r1-2', 'r1-3']);
    const members = await listClusterOpinions(dataSource, id, 'r1-3', 1, 2);
    expect([members.total, members.items.map((o) => o.textRaw)]).toEqual([3, ['意见17', '意见18']]);
    await expect(listClusterOpinions(dataSource, id, 'r1-9', 1, 2)).rejects.toMatchObject({
      code: 'CLUSTER_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('merges into the largest cluster: its id stays, sizes and opinions agree, the work log names who', async () => {
    const id = `ce-merge-${kind}`;
    await seeded(dataSource, id);
    const merged = await mergeClusters(
      dataSource,
      id,
      { clusterIds: ['r1-3', 'r1-2'], label: '交通与文化' },
      drafter,
      now,
      policy,
    );
    expect(merged).toMatchObject({ clusterId: 'r1-2', size: 8, origin: 'merge', label: '交通与文化' });
    expect(await sizes(dataSource, id)).toEqual({ 'r1-1': [12, 12], 'r1-2': [8, 8] });
    expect(await workLog(dataSource, id)).toEqual([
      {
        type: 'ClustersMerged',
        actor: { accountId: 'acc-drafter-a', unit: 'unit-a', role: 'drafter' },
        data: { round: 1, into: 'r1-2', merged: ['r1-3'], size: 8, label: '交通与文化' },
      },
    ]);
  });

  it('splits opinions into a new cluster and moves the representative when it leaves', async () => {
    const id = `ce-split-${kind}`;
    const receipts = await seeded(dataSource, id);
    const { from, into } = await splitCluster(
      dataSource,
      id,
      { clusterId: 'r1-1', receipts: [receipts[0]!, receipts[3]!], label: '夜间停车' },
      drafter,
      now,
      policy,
    );
    expect(into).toMatchObject({
      clusterId: 'r1-s1',
      size: 2,
      origin: 'split',
      label: '夜间停车',
      representative: { receipt: receipts[0] },
    });
    expect(from).toMatchObject({ clusterId: 'r1-1', size: 10, representative: { receipt: receipts[1] } });
    expect(await sizes(dataSource, id)).toEqual({ 'r1-1': [10, 10], 'r1-2': [5, 5], 'r1-3': [3, 3], 'r1-s1': [2, 2] });
    const again = await splitCluster(
      dataSource,
      id,
      { clusterId: 'r1-1', receipts: [receipts[5]!], label: '另一组' },
      drafter,
      now,
      policy,
    );
    expect(again.into.clusterId).toBe('r1-s2');
    expect((await workLog(dataSource, id)).map((row) => row.type)).toEqual(['ClusterSplit', 'ClusterSplit']);
  });

  it('corrects a cluster’s stance, and the work log names who and what it was', async () => {
    const id = `ce-stance-${kind}`;
    await seeded(dataSource, id);
    const view = await correctClusterStance(
      dataSource,
      id,
      { clusterId: 'r1-2', stance: 'oppose' },
      drafter,
      now,
      policy,
    );
    expect(view).toMatchObject({ clusterId: 'r1-2', stance: 'oppose', kind: 'opinions', size: 5 });
    const log = await workLog(dataSource, id);
    expect(log[log.length - 1]).toEqual({
      type: 'ClusterStanceCorrected',
      actor: { accountId: 'acc-drafter-a', unit: 'unit-a', role: 'drafter' },
      data: { round: 1, clusterId: 'r1-2', from: 'none', to: 'oppose' },
    });
  });

  it('refuses edits that do not fit, and changes nothing', async () => {
    const id = `ce-refuse-${kind}`;
    const receipts = await seeded(dataSource, id);
    const before = await sizes(dataSource, id);
    await expect(
      mergeClusters(dataSource, id, { clusterIds: ['r1-1', 'r1-9'] }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'CLUSTER_NOT_FOUND', details: { clusterId: 'r1-9' } });
    await expect(
      splitCluster(dataSource, id, { clusterId: 'r1-2', receipts: [receipts[0]!], label: 'x' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'RECEIPTS_NOT_IN_CLUSTER', kind: 'invalid' });
    await expect(
      splitCluster(
        dataSource,
        id,
        { clusterId: 'r1-3', receipts: receipts.slice(17), label: 'x' },
        drafter,
        now,
        policy,
      ),
    ).rejects.toMatchObject({ code: 'SPLIT_TAKES_ALL' });
    await recordAnswers(
      dataSource,
      id,
      [{ targetKind: 'cluster', targetId: 'r1-2', verdict: 'adopted', text: '采纳', reason: null, templateId: null }],
      drafter,
      now,
    );
    await expect(
      mergeClusters(dataSource, id, { clusterIds: ['r1-1', 'r1-2'] }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'CLUSTER_ANSWERED', kind: 'conflict' });
    await expect(
      splitCluster(dataSource, id, { clusterId: 'r1-2', receipts: [receipts[12]!], label: 'x' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'CLUSTER_ANSWERED' });
    expect(
      await relabelCluster(dataSource, id, { clusterId: 'r1-2', label: '公交线路' }, drafter, now, policy),
    ).toMatchObject({ label: '公交线路', answer: { verdict: 'adopted' } });
    expect(await sizes(dataSource, id)).toEqual(before);
    await dataSource.query(
      `UPDATE consultations SET feedback_published_at = '2026-12-05T00:00:00.000Z' WHERE decision_id = '${id}'`,
    );
    await expect(
      relabelCluster(dataSource, id, { clusterId: 'r1-2', label: 'x' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'FEEDBACK_PUBLISHED' });
  });

  it('refuses edits outside the feedback stage and before clustering', async () => {
    const open = `ce-open-${kind}`;
    await seedDecision(dataSource, open, [{ text: '意见' }], { sealed: false });
    await expect(
      relabelCluster(dataSource, open, { clusterId: 'r1-1', label: 'x' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION', kind: 'conflict' });
    const unclustered = `ce-new-${kind}`;
    await seedDecision(dataSource, unclustered, [{ text: '意见' }]);
    await expect(
      relabelCluster(dataSource, unclustered, { clusterId: 'r1-1', label: 'x' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'CLUSTERS_NOT_READY' });
    await expect(listClusters(dataSource, unclustered, policy, { page: 1, pageSize: 20 })).rejects.toMatchObject({
      code: 'CLUSTERS_NOT_READY',
    });
  });

  it('confirms a label as it is or edited, and the report is refused until every label but the placeholder’s is', async () => {
    const id = `ce-confirm-${kind}`;
    const receipts = await seeded(dataSource, id, false);
    const page = await listClusters(dataSource, id, policy, { page: 1, pageSize: 20 });
    expect(page.items.map((c) => c.labelConfirmedAt)).toEqual([null, null, null]);
    await expect(feedbackReportFacts(dataSource, id, policy)).rejects.toMatchObject({
      code: 'CLUSTER_LABEL_UNCONFIRMED',
      kind: 'conflict',
      details: { clusterId: 'r1-1', unconfirmed: 3 },
    });
    expect(await confirmClusterLabel(dataSource, id, { clusterId: 'r1-1' }, drafter, now, policy)).toMatchObject({
      label: '停车',
      labelConfirmedAt: now.toISOString(),
    });
    expect(
      await confirmClusterLabel(dataSource, id, { clusterId: 'r1-2', label: '公交线路' }, drafter, now, policy),
    ).toMatchObject({ label: '公交线路', labelConfirmedAt: now.toISOString() });
    expect((await workLog(dataSource, id)).map((row) => [row.type, row.data])).toEqual([
      ['ClusterLabelConfirmed', { round: 1, clusterId: 'r1-1', label: '停车' }],
      ['ClusterRelabeled', { round: 1, clusterId: 'r1-2', from: '公交', to: '公交线路' }],
    ]);
    await expect(feedbackReportFacts(dataSource, id, policy)).rejects.toMatchObject({
      code: 'CLUSTER_LABEL_UNCONFIRMED',
      details: { clusterId: 'r1-3', unconfirmed: 1 },
    });
    // The placeholder category's fixed name needs no confirmation (ADR 77).
    await dataSource.query(
      `UPDATE opinion_clusters SET kind = 'placeholder' WHERE decision_id = '${id}' AND cluster_id = 'r1-3'`,
    );
    expect((await feedbackReportFacts(dataSource, id, policy)).statistics).toMatchObject({ received: 20 });
    await expect(
      confirmClusterLabel(dataSource, id, { clusterId: 'r1-9' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'CLUSTER_NOT_FOUND' });
    // Once published, the receipts name a cluster by its label only when it was confirmed.
    await dataSource.query(
      `UPDATE opinion_clusters SET label_confirmed_at = NULL WHERE decision_id = '${id}' AND cluster_id = 'r1-2'`,
    );
    await recordAnswers(
      dataSource,
      id,
      ['r1-1', 'r1-2'].map((targetId) => ({
        targetKind: 'cluster' as const,
        targetId,
        verdict: 'adopted' as const,
        text: '采纳',
        reason: null,
        templateId: null,
      })),
      drafter,
      now,
    );
    await dataSource.query(
      `UPDATE consultations SET feedback_published_at = '2026-12-05T00:00:00.000Z' WHERE decision_id = '${id}'`,
    );
    expect((await lookupReceipt(dataSource, receipts[0]!))?.answer?.cluster).toEqual({
      clusterId: 'r1-1',
      label: '停车',
    });
    expect((await lookupReceipt(dataSource, receipts[12]!))?.answer?.cluster).toEqual({
      clusterId: 'r1-2',
      label: null,
    });
    await expect(
      confirmClusterLabel(dataSource, id, { clusterId: 'r1-2' }, drafter, now, policy),
    ).rejects.toMatchObject({ code: 'FEEDBACK_PUBLISHED' });
  });

  it('takes a label staff give in a relabel or split as confirmed; a merge without one keeps the kept cluster’s state', async () => {
    const id = `ce-confirm-edits-${kind}`;
    const receipts = await seeded(dataSource, id, false);
    expect(
      await relabelCluster(dataSource, id, { clusterId: 'r1-3', label: '图书馆开放' }, drafter, now, policy),
    ).toMatchObject({ labelConfirmedAt: now.toISOString() });
    expect(
      await relabelCluster(dataSource, id, { clusterId: 'r1-2', stance: 'oppose' }, drafter, now, policy),
    ).toMatchObject({ labelConfirmedAt: null });
    const { into } = await splitCluster(
      dataSource,
      id,
      { clusterId: 'r1-1', receipts: [receipts[1]!], label: '夜间停车' },
      drafter,
      now,
      policy,
    );
    expect(into.labelConfirmedAt).toBe(now.toISOString());
    expect(await mergeClusters(dataSource, id, { clusterIds: ['r1-3', 'r1-2'] }, drafter, now, policy)).toMatchObject({
      clusterId: 'r1-2',
      label: '公交',
      labelConfirmedAt: null,
    });
    expect(
      await mergeClusters(dataSource, id, { clusterIds: ['r1-2', 'r1-s1'], label: '交通' }, drafter, now, policy),
    ).toMatchObject({ label: '交通', labelConfirmedAt: now.toISOString() });
  });
});

describe.each(databaseKinds())('the label-confirmation migration on %s', (kind) => {
  const fixture = useTestDatabase(kind);

  it('adds a nullable label_confirmed_at that starts unconfirmed, and is undone by its down step', async () => {
    const { dataSource } = fixture;
    const receipts = await seedDecision(dataSource, 'mig-confirm', [{ text: '意见' }]);
    const migration = kind === 'postgres' ? new PostgresLabelConfirmed() : new SqliteLabelConfirmed();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await seedClusters(dataSource, 'mig-confirm', []);
      await runner.query(
        `INSERT INTO opinion_clusters (decision_id, cluster_id, round, label, origin, size, representative, created_at, updated_at)
         VALUES ('mig-confirm', 'r1-1', 1, '停车', 'auto', 1, '${receipts[0]}', 'x', 'x')`,
      );
      expect(await runner.hasColumn('opinion_clusters', 'label_confirmed_at')).toBe(false);
      await migration.up(runner);
      expect(await runner.hasColumn('opinion_clusters', 'label_confirmed_at')).toBe(true);
      expect(
        await dataSource.query(`SELECT label_confirmed_at AS at FROM opinion_clusters WHERE cluster_id = 'r1-1'`),
      ).toEqual([{ at: null }]);
    } finally {
      await runner.release();
    }
  });
});
