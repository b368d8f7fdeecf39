import { type Hash, leafHash, nodeHash, nodeKey, type NodeId, nodesClosedBy } from '../../../transparency/src';
import type { EntityManager } from 'typeorm';
import { PublicEventEntity } from '../entities/public-event.entity';
import { LogTreeLeafEntity, LogTreeNodeEntity } from '../entities/transparency.entity';
import { publicLogLeaf } from './leaf';

/** Arbitrary key of the PostgreSQL advisory lock that orders tree appends across transactions. */
const TREE_LOCK = 7_271_019;
const BACKFILL_PAGE = 1_000;

export interface NewLeaf {
  decisionId: string;
  seq: number;
  bytes: Uint8Array;
}

/**
 * Appends leaves to the tree inside the caller's transaction, with every complete subtree they close.
 * On PostgreSQL a transaction-scoped advisory lock makes concurrent appenders take turns until commit,
 * so leaf indexes follow commit order with no gap or duplicate; SQLite has one writer at a time anyway.
 * Trap: call it in the transaction that stores the entries (appendEvents), never after it.
 */
export async function appendTreeLeaves(manager: EntityManager, leaves: readonly NewLeaf[]): Promise<void> {
  if (leaves.length === 0) return;
  if (manager.connection.options.type === 'postgres')
    await manager.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
  let size = await treeSizeIn(manager);
  const made = new Map<string, Hash>();
  const leafRows: LogTreeLeafEntity[] = [];
  const nodeRows: LogTreeNodeEntity[] = [];
  for (const leaf of leaves) {
    const hash = leafHash(leaf.bytes);
    made.set(nodeKey({ level: 0, index: size }), hash);
    leafRows.push({ leafIndex: size, decisionId: leaf.decisionId, seq: leaf.seq, leafHash: hash.toString('hex') });
    for (const node of nodesClosedBy(size).slice(1)) {
      const left = await known(manager, made, { level: node.level - 1, index: node.index * 2 });
      const right = made.get(nodeKey({ level: node.level - 1, index: node.index * 2 + 1 }))!;
      const value = nodeHash(left, right);
      made.set(nodeKey(node), value);
      nodeRows.push({ level: node.level, nodeIndex: node.index, hash: value.toString('hex') });
    }
    size += 1;
  }
  await manager.insert(LogTreeLeafEntity, leafRows);
  if (nodeRows.length > 0) await manager.insert(LogTreeNodeEntity, nodeRows);
}

export async function treeSizeIn(manager: EntityManager): Promise<number> {
  const row = await manager
    .createQueryBuilder(LogTreeLeafEntity, 'l')
    .select('MAX(l.leaf_index)', 'last')
    .getRawOne<{ last: number | string | null }>();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

async function known(manager: EntityManager, made: Map<string, Hash>, node: NodeId): Promise<Hash> {
  const cached = made.get(nodeKey(node));
  if (cached) return cached;
  const row =
    node.level === 0
      ? await manager.findOneBy(LogTreeLeafEntity, { leafIndex: node.index }).then((r) => r?.leafHash)
      : await manager.findOneBy(LogTreeNodeEntity, { level: node.level, nodeIndex: node.index }).then((r) => r?.hash);
  if (!row) throw new Error(`transparency log: node ${nodeKey(node)} is missing`);
  return Buffer.from(row, 'hex');
}

/**
 * Puts the entries stored before the tree existed into it, ordered by (occurredAt, decisionId, seq):
 * run once by the migration that creates the tree, on an empty tree.
 */
export async function backfillTree(manager: EntityManager): Promise<void> {
  if ((await treeSizeIn(manager)) > 0) return;
  for (let offset = 0; ; offset += BACKFILL_PAGE) {
    const rows = await manager.find(PublicEventEntity, {
      order: { occurredAt: 'ASC', decisionId: 'ASC', seq: 'ASC' },
      skip: offset,
      take: BACKFILL_PAGE,
    });
    if (rows.length === 0) return;
    await appendTreeLeaves(
      manager,
      rows.map((row) => ({
        decisionId: row.decisionId,
        seq: row.seq,
        bytes: publicLogLeaf({
          ...row,
          actor: JSON.parse(row.actor) as never,
          data: JSON.parse(row.data) as Record<string, unknown>,
          type: row.type as never,
        }),
      })),
    );
  }
}
