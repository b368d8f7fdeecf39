import { type Checkpoint, type NoteSigner, signCheckpoint, verifyConsistency } from '../../../transparency/src';
import type { DataSource, EntityManager } from 'typeorm';
import { CheckpointEntity } from '../entities/transparency.entity';
import { inTransaction } from '../transaction';
import { consistencyProofAt, treeRootAt, treeSize } from './tree-reader';

/** A stored checkpoint: the signed note as served, and what it states. */
export interface StoredCheckpoint {
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

/**
 * The tree disagrees with the last checkpoint: the stored tree was rewritten or truncated. Never retried,
 * never signed over: the operator must look (ADR 54).
 */
export class TreeInconsistentError extends Error {
  readonly code = 'TREE_INCONSISTENT';
  constructor(message: string) {
    super(message);
    this.name = 'TreeInconsistentError';
  }
}

export async function latestCheckpoint(reader: DataSource | EntityManager): Promise<StoredCheckpoint | null> {
  const [row] = await reader.getRepository(CheckpointEntity).find({ order: { treeSize: 'DESC' }, take: 1 });
  return row ? fromRow(row) : null;
}

/**
 * Signs and stores a checkpoint of the whole tree when it grew since the last one, after checking that
 * the tree still extends the last checkpoint (a consistency proof from the stored nodes, verified against
 * the stored root). Returns the new checkpoint, or null when the tree did not grow. Safe to retry and to
 * run twice at once: the checkpoint of a size is stored once (primary key).
 */
export async function recordCheckpoint(
  dataSource: DataSource,
  signer: NoteSigner,
  now: Date,
): Promise<StoredCheckpoint | null> {
  return inTransaction(dataSource, async (manager) => {
    const [size, last] = [await treeSize(manager), await latestCheckpoint(manager)];
    if (size === 0 || (last && last.size >= size)) return null;
    const root = await treeRootAt(manager, size);
    if (last) {
      const proof = await consistencyProofAt(manager, last.size, size);
      const verdict = verifyConsistency(last.size, size, Buffer.from(last.rootHash, 'hex'), root, proof);
      if (!verdict.ok)
        throw new TreeInconsistentError(
          `tree of size ${size} does not extend checkpoint ${last.size}: ${verdict.reason}`,
        );
    }
    const checkpoint: Checkpoint = { origin: signer.name, size, root };
    const row: CheckpointEntity = {
      treeSize: size,
      rootHash: root.toString('hex'),
      note: signCheckpoint(checkpoint, signer),
      createdAt: now.toISOString(),
    };
    await manager.insert(CheckpointEntity, row);
    return fromRow(row);
  });
}

function fromRow(row: CheckpointEntity): StoredCheckpoint {
  return { size: row.treeSize, rootHash: row.rootHash, note: row.note, createdAt: row.createdAt };
}
