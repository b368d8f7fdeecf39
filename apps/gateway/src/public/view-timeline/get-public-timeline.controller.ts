import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type PublicTimelineCache } from '../../../../../libs/persistence/src';
import { PUBLIC_TIMELINES } from '../../common/tokens';
import { noneMatchHits, sendCacheable } from '../../site-shell/web/http-cache';
import { notPublic } from '../view-decision/get-public-decision.controller';

/** Like the public pages and feeds: anyone may keep it for a minute, then revalidate with the ETag. */
const CACHE_CONTROL = 'public, max-age=60';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicTimelineController {
  constructor(@Inject(PUBLIC_TIMELINES) private readonly timelines: PublicTimelineCache) {}

  @Get(':id/timeline')
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({
    description:
      'Every public log entry exactly as hashed (SPEC.md §6), in seq order, and the head. ETag = the chain head; 304 when If-None-Match matches.',
  })
  @ApiNotFoundResponse({ description: 'Unknown or not public.' })
  async get(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (ifNoneMatch) {
      // A revalidation needs only the head (ETag = chain head, ADR 0114), never the entries.
      const tag = await this.timelines.tag(id);
      if (tag === undefined) throw notPublic(id);
      if (noneMatchHits(ifNoneMatch, tag)) {
        await reply.header('cache-control', CACHE_CONTROL).header('etag', tag).status(304).send();
        return;
      }
    }
    // Served from the gateway's memory only while provably current (ADR 0126).
    const timeline = await this.timelines.read(id);
    if (!timeline) throw notPublic(id);
    await sendCacheable(reply, undefined, timeline.body, {
      type: 'application/json; charset=utf-8',
      cacheControl: CACHE_CONTROL,
      tag: timeline.tag,
    });
  }
}
