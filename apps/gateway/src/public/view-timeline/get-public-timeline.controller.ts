import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { findPublicTimeline } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';

export interface Timeline {
  entries: PublicLogEntry[];
  head: { seq: number; hash: string } | null;
}

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicTimelineController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get(':id/timeline')
  @ApiOkResponse({ description: 'Every public log entry exactly as hashed (SPEC.md §6), in seq order, and the head.' })
  @ApiNotFoundResponse({ description: 'Unknown or not public.' })
  async get(@Param('id') id: string): Promise<Timeline> {
    const entries = await findPublicTimeline(this.dataSource, id);
    if (!entries) throw notPublic(id);
    const last = entries.at(-1);
    return { entries, head: last ? { seq: last.seq, hash: last.hash } : null };
  }
}
