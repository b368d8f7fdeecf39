import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { findPublicTimeline, findPublicTimelineHead } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { noneMatchHits, sendCacheable } from '../../site-shell/web/http-cache';
import { notPublic } from '../view-decision/get-public-decision.controller';

export interface Timeline {
  entries: PublicLogEntry[];
  head: { seq: number; hash: string } | null;
}

/** Like the public pages and feeds: anyone may keep it for a minute, then revalidate with the ETag. */
const CACHE_CONTROL = 'public, max-age=60';

/**
 * The timeline's entity tag is its chain head: the log is append-only and every entry hashes the one before,
 * so the head names exactly one timeline (ADR 0114).
 */
export function timelineTag(head: Timeline['head']): string {
  return head ? `"${head.seq}-${head.hash}"` : '"empty"';
}

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicTimelineController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

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
      // A revalidation: one indexed read of the head instead of every entry.
      const head = await findPublicTimelineHead(this.dataSource, id);
      if (head === undefined) throw notPublic(id);
      const tag = timelineTag(head);
      if (noneMatchHits(ifNoneMatch, tag)) {
        await reply.header('cache-control', CACHE_CONTROL).header('etag', tag).status(304).send();
        return;
      }
    }
    const entries = await findPublicTimeline(this.dataSource, id);
    if (!entries) throw notPublic(id);
    const last = entries.at(-1);
    const timeline: Timeline = { entries, head: last ? { seq: last.seq, hash: last.hash } : null };
    await sendCacheable(reply, undefined, JSON.stringify(timeline), {
      type: 'application/json; charset=utf-8',
      cacheControl: CACHE_CONTROL,
      tag: timelineTag(timeline.head),
    });
  }
}
