import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/tokens';
import { loadChanges } from './changes-view';
import type { BlockChange, DocumentDiff } from './document-diff';

/** The Changes page as data: the texts one may compare, the two compared, and the comparison. */
export interface PublicChanges {
  documents: Array<{ key: string; kind: 'draft' | 'adopted'; version: number | null; publishedAt: string }>;
  from: string | null;
  to: string | null;
  counts: DocumentDiff['counts'] | null;
  blocks: BlockChange[];
}

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicChangesController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get(':id/changes')
  @ApiQuery({ name: 'from', required: false, description: 'A published draft version (`1`, `2`, …) or `adopted`.' })
  @ApiQuery({ name: 'to', required: false, description: 'Likewise; both absent: the last two public texts.' })
  @ApiOkResponse({ description: 'Two public texts compared by article, then by character (ADR 73).' })
  @ApiNotFoundResponse({ description: 'Unknown or not public decision, or no such public text of it.' })
  async get(
    @Param('id') id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<PublicChanges> {
    const { view } = await loadChanges(this.dataSource, id, { from, to });
    return {
      documents: view.documents.map(({ key, kind, version, publishedAt }) => ({ key, kind, version, publishedAt })),
      from: view.pair?.from.key ?? null,
      to: view.pair?.to.key ?? null,
      counts: view.pair?.diff.counts ?? null,
      blocks: view.pair?.diff.blocks ?? [],
    };
  }
}
