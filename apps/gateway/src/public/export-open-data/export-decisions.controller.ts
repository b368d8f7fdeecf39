import { Controller, Get, Header, Inject, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { streamOpenDataDecisions } from '../../../../../libs/persistence/src';
import { OPEN_DATA_CACHE_CONTROL, openDataFile } from './open-data';
import { jsonArray } from './open-data-formats';
import { DATA_SOURCE } from '../../common/tokens';

@ApiTags('public')
@Controller('api/v1/public/export')
export class ExportDecisionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Open data: every public decision, streamed; no more of each than `GET /public/decisions/{id}` shows. */
  @Get('decisions.json')
  @Header('cache-control', OPEN_DATA_CACHE_CONTROL)
  @Header('x-content-type-options', 'nosniff')
  @ApiOkResponse({
    description:
      'A JSON array of every public decision in id order (never a confidential one before its publication): its public view plus ' +
      '`consultation` ({round, status, opensAt, closesAt, sealedAt, counts, feedbackPublishedAt} or null).',
    content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
  })
  export(): StreamableFile {
    return openDataFile(
      jsonArray(streamOpenDataDecisions(this.dataSource)),
      'application/json; charset=utf-8',
      'decisions.json',
      'inline',
    );
  }
}
