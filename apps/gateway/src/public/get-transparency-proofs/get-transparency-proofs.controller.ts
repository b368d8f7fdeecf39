import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import type { GatewayConfig } from '../../config';
import { CONFIG } from '../../common/tokens';
import { GetTransparencyProofsHandler } from './get-transparency-proofs.handler';
import { ConsistencyProofResponse, ConsistencyQuery, InclusionProofResponse, InclusionQuery } from './proof.query';

/** A proof against a given size never changes; one against "the latest" does, like the checkpoint. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const LATEST = 'public, max-age=30';

@ApiTags('public')
@Controller('api/v1/public/transparency')
export class GetTransparencyProofsController {
  constructor(
    private readonly handler: GetTransparencyProofsHandler,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('checkpoint')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description:
      'The latest checkpoint: a C2SP tlog-checkpoint signed note (origin, tree size, base64 root; Ed25519), with any witness cosignatures.',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'No checkpoint signed yet (CHECKPOINT_NOT_FOUND).' })
  async checkpoint(@Res() reply: FastifyReply): Promise<void> {
    const note = await this.handler.checkpoint();
    await reply.header('cache-control', LATEST).type('text/plain; charset=utf-8').send(note);
  }

  @Get('key')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The log’s public key as a C2SP signed-note verifier key (<origin>+<key hash>+<base64 key>).',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'This deployment publishes no key here (CHECKPOINT_NOT_FOUND).' })
  async key(@Res() reply: FastifyReply): Promise<void> {
    const key = this.config.TLOG_VERIFIER_KEY;
    if (!key) throw new DomainError('CHECKPOINT_NOT_FOUND', 'not_found', 'This deployment publishes no log key.');
    await reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(`${key}\n`);
  }

  @Get('inclusion')
  @ApiOkResponse({ type: InclusionProofResponse, description: 'An RFC 9162 inclusion proof.' })
  @ApiNotFoundResponse({ description: 'No such public entry in the tree, or no checkpoint yet.' })
  @ApiUnprocessableEntityResponse({ description: 'A tree size beyond the tree (TREE_SIZE_OUT_OF_RANGE).' })
  async inclusion(
    @Query() query: InclusionQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InclusionProofResponse> {
    const proof = await this.handler.inclusion(query);
    void reply.header('cache-control', query.treeSize === undefined ? LATEST : IMMUTABLE);
    return proof;
  }

  @Get('consistency')
  @ApiOkResponse({ type: ConsistencyProofResponse, description: 'An RFC 9162 consistency proof.' })
  @ApiNotFoundResponse({ description: 'No checkpoint yet (when second is left out).' })
  @ApiUnprocessableEntityResponse({ description: 'Sizes out of order or beyond the tree (TREE_SIZE_OUT_OF_RANGE).' })
  async consistency(
    @Query() query: ConsistencyQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsistencyProofResponse> {
    const proof = await this.handler.consistency(query);
    void reply.header('cache-control', query.second === undefined ? LATEST : IMMUTABLE);
    return proof;
  }
}
