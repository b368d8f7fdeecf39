import {
  consistencyPlan,
  EMPTY_ROOT,
  foldRight,
  type Hash,
  inclusionPlan,
  type LeafRange,
  nodeKey,
  type NodeId,
  planNodes,
  rangeNodes,
} from '../../../transparency/src';
import type { DataSource, EntityManager } from 'typeorm';
import { LogTreeLeafEntity, LogTreeNodeEntity } from '../entities/transparency.entity';
import { treeSizeIn } from './tree-writer';

type Reader = DataSource | EntityManager;

const managerOf = (reader: Reader): EntityManager => ('manager' in reader ? reader.manager : reader);

/** The number of leaves committed so far. */
export function treeSize(reader: Reader): Promise<number> {
  return treeSizeIn(managerOf(reader));
}

/** The leaf of one public log entry, or null when the entry is not (yet) in the tree. */
export async function leafOf(
  reader: Reader,
  decisionId: string,
  seq: number,
): Promise<{ leafIndex: number; leafHash: string } | null> {
  const row = await managerOf(reader).findOneBy(LogTreeLeafEntity, { decisionId, seq });
  return row ? { leafIndex: row.leafIndex, leafHash: row.leafHash } : null;
}

export async function leafAt(reader: Reader, leafIndex: number): Promise<LogTreeLeafEntity | null> {
  return managerOf(reader).findOneBy(LogTreeLeafEntity, { leafIndex });
}

/** The root of the first `size` leaves: at most one node per bit of `size`, read in two queries. */
export async function treeRootAt(reader: Reader, size: number): Promise<Hash> {
  const [root] = await hashesOf(reader, size === 0 ? [] : [{ start: 0, end: size }]);
  return root ?? EMPTY_ROOT;
}

/** RFC 9162 inclusion proof of leaf `index` in the tree of `size` leaves (caller checks index < size ≤ tree size). */
export function inclusionProofAt(reader: Reader, index: number, size: number): Promise<Hash[]> {
  return hashesOf(reader, inclusionPlan(index, size));
}

/** RFC 9162 consistency proof from `first` to `second` leaves (caller checks first ≤ second ≤ tree size). */
export function consistencyProofAt(reader: Reader, first: number, second: number): Promise<Hash[]> {
  return hashesOf(reader, consistencyPlan(first, second));
}

/** The MTH of each range, from every node the ranges need, fetched at once. */
async function hashesOf(reader: Reader, plan: readonly LeafRange[]): Promise<Hash[]> {
  const nodes = await readNodes(managerOf(reader), planNodes(plan));
  return plan.map((range) =>
    foldRight(
      rangeNodes(range).map((node) => {
        const hash = nodes.get(nodeKey(node));
        if (!hash) throw new RangeError(`transparency log: node ${nodeKey(node)} is not stored`);
        return hash;
      }),
    ),
  );
}

async function readNodes(manager: EntityManager, ids: readonly NodeId[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>();
  const leaves = ids.filter((id) => id.level === 0).map((id) => id.index);
  const inner = ids.filter((id) => id.level > 0);
  if (leaves.length > 0) {
    const rows = await manager
      .createQueryBuilder(LogTreeLeafEntity, 'l')
      .where('l.leaf_index IN (:...leaves)', { leaves })
      .getMany();
    for (const row of rows) found.set(nodeKey({ level: 0, index: row.leafIndex }), Buffer.from(row.leafHash, 'hex'));
  }
  if (inner.length > 0) {
    const params: Record<string, number> = {};
    const clauses = inner.map((id, i) => {
      params[`l${i}`] = id.level;
      params[`i${i}`] = id.index;
      return `(n.level = :l${i} AND n.node_index = :i${i})`;
    });
    const rows = await manager.createQueryBuilder(LogTreeNodeEntity, 'n').where(clauses.join(' OR '), params).getMany();
    for (const row of rows)
      found.set(nodeKey({ level: row.level, index: row.nodeIndex }), Buffer.from(row.hash, 'hex'));
  }
  return found;
}
