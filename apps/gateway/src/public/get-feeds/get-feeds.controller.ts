import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GetFeedsHandler, type FeedDocument } from './get-feeds.handler';
import { httpDate, sendCacheable } from '../../site-shell/web/http-cache';

/** Feeds may be cached by anyone for a minute, like open data. */
const CACHE_CONTROL = 'public, max-age=60';

async function sendFeed(reply: FastifyReply, feed: FeedDocument, ifNoneMatch: string | undefined): Promise<void> {
  void reply.header('last-modified', httpDate(feed.updated)).header('x-content-type-options', 'nosniff');
  await sendCacheable(reply, ifNoneMatch, feed.body, {
    type: 'application/atom+xml; charset=utf-8',
    cacheControl: CACHE_CONTROL,
  });
}

const ATOM_OK = {
  description:
    'An Atom 1.0 feed (RFC 4287), zh-CN; entries newest first, each with its log hash. 304 when If-None-Match matches.',
};

@ApiTags('public')
@Controller('feeds')
export class GetFeedsController {
  constructor(private readonly handler: GetFeedsHandler) {}

  @Get('decisions.atom')
  @ApiProduces('application/atom+xml')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse(ATOM_OK)
  async recent(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await sendFeed(reply, await this.handler.recent(), ifNoneMatch);
  }

  @Get('decisions/:id.atom')
  @ApiProduces('application/atom+xml')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse(ATOM_OK)
  @ApiNotFoundResponse({ description: 'Unknown or not public (a confidential decision before its publication).' })
  async decision(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendFeed(reply, await this.handler.decision(id), ifNoneMatch);
  }
}
