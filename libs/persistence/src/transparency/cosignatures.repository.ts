import { DomainError } from '../../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../accounts/admin-events';
import { CheckpointCosignatureEntity, CheckpointEntity } from '../entities/transparency.entity';
import { inTransaction } from '../transaction';
import type { StoredCheckpoint } from './checkpoints.repository';

/** A witness's verified cosignature of a stored checkpoint, ready to keep (ADR 61). */
export interface NewCosignature {
  witnessName: string;
  /** 8 hex digits: the key hash of the witness's cosigner key. */
  keyHash: string;
  /** The C2SP signature line with its newline. */
  signatureLine: string;
  /** The time the cosignature states, ISO 8601. */
  cosignedAt: string;
}

export interface StoredCosignature extends NewCosignature {
  treeSize: number;
  receivedAt: string;
}

/** The submission a cosignature arrived with: an Idempotency-Key names one note (its SHA-256). */
export interface CosignatureRequest {
  idempotencyKey: string | null;
  requestHash: string;
}

export interface RecordedCosignatures {
  /** The stored cosignature of each witness key of the submission, in its order. */
  cosignatures: StoredCosignature[];
  /** How many of them this submission stored (0: a re-submission). */
  added: number;
  /** True when an earlier request with the same Idempotency-Key had stored them. */
  replayed: boolean;
}

export async function checkpointOfSize(
  reader: DataSource | EntityManager,
  size: number,
): Promise<StoredCheckpoint | null> {
  const row = await reader.getRepository(CheckpointEntity).findOneBy({ treeSize: size });
  return row && { size: row.treeSize, rootHash: row.rootHash, note: row.note, createdAt: row.createdAt };
}

/** The cosignatures kept for the checkpoint of `size`, oldest first (the order they are served in). */
export async function cosignaturesOf(reader: DataSource | EntityManager, size: number): Promise<StoredCosignature[]> {
  const rows = await reader
    .getRepository(CheckpointCosignatureEntity)
    .find({ where: { treeSize: size }, order: { receivedAt: 'ASC', witnessName: 'ASC', keyHash: 'ASC' } });
  return rows.map(fromRow);
}

/**
 * Keeps each cosignature of the checkpoint of `treeSize` that is not kept yet for its witness key; one
 * already kept stays as it is (the first one received wins: a witness's later cosignature of the same
 * checkpoint adds nothing). The same Idempotency-Key with the same note answers what is kept; with another
 * note, IDEMPOTENCY_KEY_REUSED. Two racing submissions: the primary key decides, the loser reads again.
 */
export async function recordCosignatures(
  dataSource: DataSource,
  treeSize: number,
  cosignatures: readonly NewCosignature[],
  request: CosignatureRequest,
  now: Date,
): Promise<RecordedCosignatures> {
  const attempt = () =>
    inTransaction(dataSource, async (manager) => {
      const replayed = await keyUsed(manager, request);
      let added = 0;
      const kept: StoredCosignature[] = [];
      for (const cosignature of cosignatures) {
        const key = { treeSize, witnessName: cosignature.witnessName, keyHash: cosignature.keyHash };
        const existing = await manager.findOneBy(CheckpointCosignatureEntity, key);
        if (existing) {
          kept.push(fromRow(existing));
          continue;
        }
        const row: CheckpointCosignatureEntity = {
          ...cosignature,
          treeSize,
          receivedAt: now.toISOString(),
          idempotencyKey: request.idempotencyKey,
          requestHash: request.requestHash,
        };
        await manager.insert(CheckpointCosignatureEntity, row);
        kept.push(fromRow(row));
        added += 1;
      }
      return { cosignatures: kept, added, replayed: replayed && added === 0 };
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

async function keyUsed(manager: EntityManager, request: CosignatureRequest): Promise<boolean> {
  if (request.idempotencyKey === null) return false;
  const earlier = await manager.findOneBy(CheckpointCosignatureEntity, { idempotencyKey: request.idempotencyKey });
  if (!earlier) return false;
  if (earlier.requestHash !== request.requestHash)
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'invalid',
      'This Idempotency-Key was used for another cosigned checkpoint; use a new key for a new submission.',
    );
  return true;
}

function fromRow(row: CheckpointCosignatureEntity): StoredCosignature {
  return {
    treeSize: row.treeSize,
    witnessName: row.witnessName,
    keyHash: row.keyHash,
    signatureLine: row.signatureLine,
    cosignedAt: row.cosignedAt,
    receivedAt: row.receivedAt,
  };
}
