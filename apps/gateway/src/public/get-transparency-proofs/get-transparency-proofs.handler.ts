import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../../libs/domain/src';
import {
  consistencyProofAt,
  cosignaturesOf,
  findPublicDecision,
  inclusionProofAt,
  latestCheckpoint,
  leafAt,
  leafOf,
  treeSize,
} from '../../../../../libs/persistence/src';
import { isConfiguredWitness, type GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import type { ConsistencyProofResponse, ConsistencyQuery, InclusionProofResponse, InclusionQuery } from './proof.query';

const b64 = (hashes: Buffer[]): string[] => hashes.map((hash) => hash.toString('base64'));

/**
 * The transparency log's public reads (ADR 54): the latest checkpoint and proofs against any tree size
 * up to the tree's. Only hashes leave here; an entry is looked up by decision only when that decision is
 * public, so a proof never confirms that a non-public decision exists.
 */
@Injectable()
export class GetTransparencyProofsHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * The latest checkpoint note with the kept cosignature line of each witness still configured appended
   * (ADR 61): one valid multi-signature note that the log's key and each witness's key open.
   */
  async checkpoint(): Promise<string> {
    const latest = await latestCheckpoint(this.dataSource);
    if (!latest) throw new DomainError('CHECKPOINT_NOT_FOUND', 'not_found', 'No checkpoint has been signed yet.');
    const lines = (await cosignaturesOf(this.dataSource, latest.size))
      .filter((c) => isConfiguredWitness(this.config, c))
      .map((c) => c.signatureLine);
    return latest.note + lines.join('');
  }

  async inclusion(query: InclusionQuery): Promise<InclusionProofResponse> {
    const leaf = await this.leaf(query);
    const size = await this.size(query.treeSize);
    if (leaf.leafIndex >= size)
      throw new DomainError(
        'LOG_ENTRY_NOT_IN_TREE',
        'not_found',
        `Leaf ${leaf.leafIndex} is not in a tree of ${size}.`,
      );
    const proof = await inclusionProofAt(this.dataSource, leaf.leafIndex, size);
    const leafHash = Buffer.from(leaf.leafHash, 'hex').toString('base64');
    return { leafIndex: leaf.leafIndex, treeSize: size, leafHash, proof: b64(proof) };
  }

  async consistency(query: ConsistencyQuery): Promise<ConsistencyProofResponse> {
    const second = await this.size(query.second);
    if (query.first > second)
      throw new DomainError('TREE_SIZE_OUT_OF_RANGE', 'invalid', `first (${query.first}) exceeds second (${second}).`);
    const proof = await consistencyProofAt(this.dataSource, query.first, second);
    return { first: query.first, second, proof: b64(proof) };
  }

  private async leaf(query: InclusionQuery): Promise<{ leafIndex: number; leafHash: string }> {
    const byEntry = query.decisionId !== undefined || query.seq !== undefined;
    if (byEntry === (query.leafIndex !== undefined) || (byEntry && (!query.decisionId || !query.seq)))
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'Give either decisionId and seq, or leafIndex.');
    if (query.leafIndex !== undefined) {
      const row = await leafAt(this.dataSource, query.leafIndex);
      if (row) return row;
    } else if (await findPublicDecision(this.dataSource, query.decisionId!)) {
      const found = await leafOf(this.dataSource, query.decisionId!, query.seq!);
      if (found) return found;
    }
    throw new DomainError('LOG_ENTRY_NOT_IN_TREE', 'not_found', 'No such public log entry in the transparency log.');
  }

  /** The size asked for, at most the tree's; by default the latest checkpoint's. */
  private async size(asked: number | undefined): Promise<number> {
    if (asked === undefined) {
      const latest = await latestCheckpoint(this.dataSource);
      if (!latest) throw new DomainError('CHECKPOINT_NOT_FOUND', 'not_found', 'No checkpoint has been signed yet.');
      return latest.size;
    }
    const size = await treeSize(this.dataSource);
    if (asked > size)
      throw new DomainError('TREE_SIZE_OUT_OF_RANGE', 'invalid', `The tree has ${size} leaves, fewer than ${asked}.`);
    return asked;
  }
}
