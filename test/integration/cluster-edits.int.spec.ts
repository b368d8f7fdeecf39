import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, type StaffActor } from '../../libs/domain/src';
import {
  correctClusterStance,
  listClusterOpinions,
  listClusters,
  mergeClusters,
  recordAnswers,
  relabelCluster,
  splitCluster,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { seedClusters, seedDecision } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';

const drafter: StaffActor = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' };
const now = new Date('2026-12-04T00:00:00.000Z');
const policy = DEFAULT_POLICY;

/** A decision in feedback with three clusters: r1-1 (12 opinions), r1-2 (5), r1-3 (3). */
async function seeded(dataSource: DataSource, id: string): Promise<string[]> {
  const receipts = await seedDecision(
    dataSource,
    id,
    Array.from({ length: 20 }, (_, i) => ({
      text: `意见${i}`,
      receivedAt: `2026-11-10T00:00:${String(i).padStart(2, '0')}.000Z`,
    })),
  );
  await seedClusters(dataSource, id, [
    { clusterId: 'r1-1', label: '停车', receipts: receipts.slice(0, 12) },
    { clusterId: 'r1-2', label: '公交', receipts: receipts.slice(12, 17) },
    { clusterId: 'r1-3', label: '图书馆', receipts: receipts.slice(17) },
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
});
