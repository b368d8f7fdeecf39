import type { PublicEventDraft, PublicLogEntry, StepEvents } from '../../libs/domain/src';
import {
  appendEvents,
  backfillTree,
  consistencyProofAt,
  inTransaction,
  findPublicTimeline,
  inclusionProofAt,
  latestCheckpoint,
  leafOf,
  publicLogLeaf,
  recordCheckpoint,
  treeRootAt,
  treeSize,
  TreeInconsistentError,
} from '../../libs/persistence/src';
import {
  generateSignerKey,
  leafHash,
  MemoryTree,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '../../libs/transparency/src';
import type { DataSource } from 'typeorm';
import { databaseKinds, openTestDatabase } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const staff = { accountId: 'acc-1', username: 'drafter', unit: 'unit-a', role: 'drafter' } as const;
const at = (n: number): string => `2026-05-01T08:00:${String(n % 60).padStart(2, '0')}.000Z`;

function step(seq: number, percent = seq * 10): StepEvents {
  const type = seq === 1 ? 'DecisionRegistered' : 'ProgressReported';
  const data = seq === 1 ? { title: '城市更新', unit: 'unit-a' } : { percent };
  const draft: PublicEventDraft = { seq, type, occurredAt: at(seq), actor: { unit: 'unit-a', role: 'drafter' }, data };
  return { public: [draft], internal: [{ ...draft, actor: staff }] };
}

async function leavesInOrder(dataSource: DataSource): Promise<{ decisionId: string; seq: number; leafHash: string }[]> {
  return dataSource.query(
    'SELECT decision_id AS "decisionId", seq, leaf_hash AS "leafHash" FROM log_tree_leaves ORDER BY leaf_index',
  );
}

describe.each(databaseKinds())('the transparency log on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  const keys = generateSignerKey('open-decision.test/log');
  const signer = parseSignerKey(keys.signerKey);
  const verifier = parseVerifierKey(keys.verifierKey);

  it('makes every stored public entry the next leaf, hashed as served, with proofs that verify', async () => {
    const { dataSource } = fixture;
    for (const id of ['tl-a', 'tl-b'])
      for (let seq = 1; seq <= 3; seq += 1) await appendEvents(dataSource, id, step(seq));
    const served: PublicLogEntry[] = [
      ...((await findPublicTimeline(dataSource, 'tl-a')) ?? []),
      ...((await findPublicTimeline(dataSource, 'tl-b')) ?? []),
    ];
    const mirror = new MemoryTree();
    served.forEach((entry) => mirror.appendLeaf(publicLogLeaf(entry)));
    expect(await treeSize(dataSource)).toBe(6);
    const root = await treeRootAt(dataSource, 6);
    expect(root).toEqual(rootHash(6, mirror.lookup));
    for (const [index, entry] of served.entries()) {
      const leaf = await leafOf(dataSource, entry.decisionId, entry.seq);
      expect(leaf?.leafIndex).toBe(index);
      const proof = await inclusionProofAt(dataSource, index, 6);
      expect(verifyInclusion(index, 6, leafHash(publicLogLeaf(entry)), proof, root)).toEqual({ ok: true });
    }
    for (let first = 0; first <= 6; first += 1) {
      const proof = await consistencyProofAt(dataSource, first, 6);
      expect(verifyConsistency(first, 6, await treeRootAt(dataSource, first), root, proof)).toEqual({ ok: true });
    }
  });

  it('adds no leaf when a step is appended again (an activity retry)', async () => {
    const { dataSource } = fixture;
    const before = await treeSize(dataSource);
    await appendEvents(dataSource, 'tl-a', step(3));
    expect(await treeSize(dataSource)).toBe(before);
  });

  it('gives concurrent appends of many decisions consecutive leaves, each chain in seq order', async () => {
    const { dataSource } = fixture;
    const before = await treeSize(dataSource);
    const ids = Array.from({ length: 6 }, (_, i) => `tl-c${i}`);
    await Promise.all(
      ids.map(async (id) => {
        for (let seq = 1; seq <= 4; seq += 1) await appendEvents(dataSource, id, step(seq));
      }),
    );
    const leaves = (await leavesInOrder(dataSource)).slice(before);
    expect(leaves).toHaveLength(24);
    expect(await treeSize(dataSource)).toBe(before + 24);
    for (const id of ids) expect(leaves.filter((l) => l.decisionId === id).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses to change or remove a leaf, a node or a checkpoint', async () => {
    const { dataSource } = fixture;
    await recordCheckpoint(dataSource, signer, new Date('2026-05-01T09:00:00Z'));
    for (const sql of [
      `UPDATE log_tree_leaves SET leaf_hash = 'x' WHERE leaf_index = 0`,
      `DELETE FROM log_tree_leaves WHERE leaf_index = 0`,
      `UPDATE log_tree_nodes SET hash = 'x' WHERE level = 1`,
      `DELETE FROM log_tree_nodes WHERE level = 1`,
      `UPDATE checkpoints SET root_hash = 'x'`,
      `DELETE FROM checkpoints`,
    ])
      await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('signs a checkpoint only when the tree grew, each one consistent with the one before', async () => {
    const { dataSource } = fixture;
    const first = await latestCheckpoint(dataSource);
    expect(first).not.toBeNull();
    expect(await recordCheckpoint(dataSource, signer, new Date())).toBeNull();
    await appendEvents(dataSource, 'tl-d', step(1));
    const second = await recordCheckpoint(dataSource, signer, new Date());
    expect(second?.size).toBe(first!.size + 1);
    const opened = openCheckpoint(second!.note, verifier, 'open-decision.test/log');
    expect(opened.root.toString('hex')).toBe(second!.rootHash);
    const proof = await consistencyProofAt(dataSource, first!.size, second!.size);
    const [r1, r2] = [Buffer.from(first!.rootHash, 'hex'), opened.root];
    expect(verifyConsistency(first!.size, second!.size, r1, r2, proof)).toEqual({ ok: true });
  });

  it('refuses to sign a tree that does not extend the last checkpoint', async () => {
    const { dataSource } = fixture;
    const last = (await latestCheckpoint(dataSource))!;
    await dataSource.query(
      `INSERT INTO checkpoints (tree_size, root_hash, note, created_at) VALUES (${last.size + 1}, '${'ab'.repeat(32)}', 'forged', '2026-05-01T10:00:00.000Z')`,
    );
    await appendEvents(dataSource, 'tl-e', step(1));
    await appendEvents(dataSource, 'tl-e', step(2));
    await expect(recordCheckpoint(dataSource, signer, new Date())).rejects.toThrow(TreeInconsistentError);
  });
});

describe.each(databaseKinds())('the tree over entries stored before it existed, on %s', (kind) => {
  const fixture = useTestDatabase(kind);

  it('is built by the migration step in (occurredAt, decisionId, seq) order, and only once', async () => {
    const { dataSource } = fixture;
    for (const id of ['old-b', 'old-a']) {
      await appendEvents(dataSource, id, step(1));
      await appendEvents(dataSource, id, step(2));
    }
    const served = [
      ...((await findPublicTimeline(dataSource, 'old-a')) ?? []),
      ...((await findPublicTimeline(dataSource, 'old-b')) ?? []),
    ].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt) || x.decisionId.localeCompare(y.decisionId));
    const mirror = new MemoryTree();
    served.forEach((entry) => mirror.appendLeaf(publicLogLeaf(entry)));
    // A fresh database of the same entries, as a deployment that stored them before the tree: copied row
    // by row into another database, then backfilled.
    const other = await openTestDatabase(kind);
    try {
      for (const row of await dataSource.query('SELECT * FROM public_events'))
        await other.dataSource.query(
          `INSERT INTO public_events (decision_id, seq, type, occurred_at, actor, data, prev_hash, hash) VALUES (${placeholders(kind, 8)})`,
          [row.decision_id, row.seq, row.type, row.occurred_at, row.actor, row.data, row.prev_hash, row.hash],
        );
      await inTransaction(other.dataSource, (manager) => backfillTree(manager));
      await inTransaction(other.dataSource, (manager) => backfillTree(manager));
      expect(await treeSize(other.dataSource)).toBe(4);
      expect(await treeRootAt(other.dataSource, 4)).toEqual(rootHash(4, mirror.lookup));
    } finally {
      await other.dataSource.destroy();
      await other.db.drop();
    }
  });
});

function placeholders(kind: 'sqlite' | 'postgres', n: number): string {
  return Array.from({ length: n }, (_, i) => (kind === 'postgres' ? `$${i + 1}` : '?')).join(', ');
}
