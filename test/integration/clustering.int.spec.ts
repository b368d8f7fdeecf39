import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '../../libs/domain/src';
import { clusterOpinions, listClusters, recordAnswers } from '../../libs/persistence/src';
import { inRun, startRun } from '../../libs/persistence/src/opinions/clustering-run';
import { databaseKinds } from '../support/databases';
import { seedDecision, type SeedOpinion } from '../support/feedback-seed';
import { useTestDatabase } from '../support/fixtures';
import { syntheticOpinions } from '../../libs/opinion-analysis/src/spec-support/opinion-corpus';

const now = new Date('2026-12-03T00:00:00.000Z');
const drafter = { accountId: 'acc-drafter-a', username: 'drafter', unit: 'unit-a', role: 'drafter' as const };

/** 600 synthetic opinions, some withheld, several sharing a receipt time (the keyset's tie-break). */
function corpus(): { seeds: SeedOpinion[]; letters: number[] } {
  const opinions = [...syntheticOpinions(600, { seed: 21, templates: 5 })];
  const seeds = opinions.map(
    (o, i): SeedOpinion => ({
      text: o.text,
      receivedAt: new Date(Date.parse('2026-11-05T00:00:00.000Z') + Math.floor(i / 3) * 1000).toISOString(),
      ...(i % 17 === 0 ? { status: 'withheld' as const, withheldReason: 'spam' } : {}),
    }),
  );
  return { seeds: [...seeds, { text: '执行阶段的意见', phase: 'execution' }], letters: opinions.map((o) => o.letter) };
}

interface State {
  assignments: Map<string, string | null>;
  clusters: Array<{
    clusterId: string;
    size: number;
    representative: string | null;
    label: string;
    keywords: string;
    origin: string;
    round: number;
  }>;
  clusteredAt: string | null;
  log: Array<{ type: string; actor: string; data: string }>;
}

async function stateOf(dataSource: DataSource, id: string): Promise<State> {
  const opinions = (await dataSource.query(
    `SELECT receipt, cluster_id AS "clusterId" FROM opinions WHERE decision_id = '${id}' ORDER BY receipt`,
  )) as Array<{ receipt: string; clusterId: string | null }>;
  const clusters = (await dataSource.query(
    `SELECT cluster_id AS "clusterId", size, representative, label, keywords, origin, round FROM opinion_clusters WHERE decision_id = '${id}' ORDER BY size DESC, cluster_id`,
  )) as State['clusters'];
  const [consultation] = (await dataSource.query(
    `SELECT clustered_at AS "clusteredAt" FROM consultations WHERE decision_id = '${id}'`,
  )) as Array<{ clusteredAt: string | null }>;
  const log = (await dataSource.query(
    `SELECT type, actor, data FROM feedback_work_log WHERE decision_id = '${id}' ORDER BY id`,
  )) as State['log'];
  return {
    assignments: new Map(opinions.map((o) => [o.receipt, o.clusterId])),
    clusters: clusters.map((c) => ({ ...c, size: Number(c.size), round: Number(c.round) })),
    clusteredAt: consultation?.clusteredAt ?? null,
    log,
  };
}

describe.each(databaseKinds())('clustering the opinions of a sealed round on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('streams the round in pages and writes clusters that agree with every opinion’s cluster id', async () => {
    const id = `cl-1-${kind}`;
    const { seeds, letters } = corpus();
    const receipts = await seedDecision(dataSource, id, seeds);
    const progress: string[] = [];
    const summary = await clusterOpinions(dataSource, id, DEFAULT_POLICY, now, {
      pageSize: 64,
      onProgress: (p) => progress.push(p.pass),
    });
    expect(summary).toMatchObject({ decisionId: id, round: 1, opinions: 600, clusteredAt: now.toISOString() });
    for (const pass of ['read', 'describe', 'write']) expect(progress.filter((p) => p === pass)).toHaveLength(10);

    const state = await stateOf(dataSource, id);
    expect(state.clusteredAt).toBe(now.toISOString());
    expect(state.clusters).toHaveLength(summary.clusters);
    expect(state.clusters.map((c) => c.clusterId).sort()).toEqual(
      Array.from({ length: summary.clusters }, (_, n) => `r1-${n + 1}`).sort(),
    );
    expect(state.clusters.map((c) => c.clusterId)).toEqual(state.clusters.map((_, n) => `r1-${n + 1}`));
    const members = new Map<string, string[]>();
    receipts.slice(0, 600).forEach((receipt) => {
      const cluster = state.assignments.get(receipt)!;
      members.set(cluster, [...(members.get(cluster) ?? []), receipt]);
    });
    for (const cluster of state.clusters) {
      expect({ cluster: cluster.clusterId, size: members.get(cluster.clusterId)?.length }).toEqual({
        cluster: cluster.clusterId,
        size: cluster.size,
      });
      expect(members.get(cluster.clusterId)).toContain(cluster.representative);
      expect(cluster).toMatchObject({ origin: 'auto', round: 1 });
      expect(Array.isArray(JSON.parse(cluster.keywords))).toBe(true);
      expect(cluster.label.length).toBeGreaterThan(0);
    }
    expect(state.assignments.get(receipts[600]!)).toBeNull();
    for (let letter = 0; letter < 5; letter += 1) {
      expect(new Set(receipts.filter((_, i) => letters[i] === letter).map((r) => state.assignments.get(r))).size).toBe(
        1,
      );
    }
    const concentrated = state.clusters.filter((c) => c.size >= Math.max(10, 0.05 * 600)).length;
    expect(summary.concentrated).toBe(concentrated);
    expect(state.log.map((row) => row.type)).toEqual(['ClusteringStarted', 'ClustersComputed']);
    expect(JSON.parse(state.log[1]!.data)).toMatchObject({
      round: 1,
      opinions: 600,
      clusters: summary.clusters,
      concentrated,
      nearDuplicateGroups: summary.nearDuplicateGroups,
    });
    expect(JSON.parse(state.log[1]!.actor)).toEqual({ accountId: 'system', unit: 'system', role: 'system' });
  });

  it('records each cluster’s stance and puts placeholders in one category that is never concentrated', async () => {
    const id = `cl-5-${kind}`;
    const letter = '我反对提高城区停车收费标准，按新标准一个月要多花四百多元，请保持现价。';
    const flipped = letter.replace('反对', '支持');
    const texts = [
      ...Array.from({ length: 30 }, (_, i) => `${letter}${i % 2 === 0 ? '谢谢！' : ''}`),
      ...Array.from({ length: 30 }, (_, i) => `${flipped}${i % 2 === 0 ? '谢谢！' : ''}`),
      ...Array.from({ length: 40 }, (_, i) => ['见附件', '同上', 'Please see the attached file.', '无'][i % 4]!),
    ];
    await seedDecision(
      dataSource,
      id,
      texts.map((text, i) => ({
        text,
        receivedAt: new Date(Date.parse('2026-11-05T00:00:00.000Z') + i * 1000).toISOString(),
      })),
    );
    const summary = await clusterOpinions(dataSource, id, DEFAULT_POLICY, now);
    const clusters = (await dataSource.query(
      `SELECT cluster_id AS "clusterId", size, stance, kind FROM opinion_clusters WHERE decision_id = '${id}' ORDER BY cluster_id`,
    )) as Array<{ clusterId: string; size: number | string; stance: string; kind: string }>;
    expect(clusters.map((c) => ({ ...c, size: Number(c.size) }))).toEqual([
      { clusterId: 'r1-1', size: 30, stance: 'oppose', kind: 'opinions' },
      { clusterId: 'r1-2', size: 30, stance: 'support', kind: 'opinions' },
      { clusterId: 'r1-placeholder', size: 40, stance: 'none', kind: 'placeholder' },
    ]);
    expect(summary.concentrated).toBe(2);
    const page = await listClusters(dataSource, id, DEFAULT_POLICY, { page: 1, pageSize: 10, concentrated: true });
    expect(page.items.map((c) => c.clusterId)).toEqual(['r1-1', 'r1-2']);
  });

  it('gives the same clusters and assignments when run again, replacing staff edits', async () => {
    const id = `cl-2-${kind}`;
    await seedDecision(dataSource, id, corpus().seeds);
    await clusterOpinions(dataSource, id, DEFAULT_POLICY, now, { pageSize: 100 });
    const first = await stateOf(dataSource, id);
    await dataSource.query(
      `UPDATE opinion_clusters SET label = 'renamed' WHERE decision_id = '${id}' AND cluster_id = 'r1-1'`,
    );
    const later = new Date(now.getTime() + 60_000);
    await clusterOpinions(dataSource, id, DEFAULT_POLICY, later, { pageSize: 1000 });
    const second = await stateOf(dataSource, id);
    expect(second.assignments).toEqual(first.assignments);
    expect(second.clusters).toEqual(first.clusters);
    expect(second.clusteredAt).toBe(later.toISOString());
    expect(second.log.map((row) => row.type)).toEqual([
      'ClusteringStarted',
      'ClustersComputed',
      'ClusteringStarted',
      'ClustersComputed',
    ]);
  });

  it('refuses before the seal and once the round is answered, changing nothing', async () => {
    const open = `cl-3-${kind}`;
    await seedDecision(dataSource, open, [{ text: '意见' }], { sealed: false });
    await expect(clusterOpinions(dataSource, open, DEFAULT_POLICY, now)).rejects.toMatchObject({
      code: 'CONSULTATION_NOT_SEALED',
    });

    const id = `cl-4-${kind}`;
    await seedDecision(dataSource, id, corpus().seeds.slice(0, 50));
    await clusterOpinions(dataSource, id, DEFAULT_POLICY, now);
    await recordAnswers(
      dataSource,
      id,
      [{ targetKind: 'cluster', targetId: 'r1-1', verdict: 'adopted', text: '采纳', reason: null, templateId: null }],
      drafter,
      now,
    );
    const before = await stateOf(dataSource, id);
    await expect(clusterOpinions(dataSource, id, DEFAULT_POLICY, now)).rejects.toMatchObject({
      code: 'CLUSTERS_ANSWERED',
      kind: 'conflict',
    });
    expect(await stateOf(dataSource, id)).toEqual(before);
  });

  it('stops an older run at its next write once a newer run started', async () => {
    const id = `cl-5-${kind}`;
    await seedDecision(dataSource, id, [{ text: '意见一' }, { text: '意见二' }]);
    const older = await startRun(dataSource, id, now);
    const newer = await startRun(dataSource, id, now);
    await expect(inRun(dataSource, older, () => Promise.resolve())).rejects.toMatchObject({
      code: 'CLUSTERING_SUPERSEDED',
    });
    await expect(inRun(dataSource, newer, () => Promise.resolve('written'))).resolves.toBe('written');
  });
});
