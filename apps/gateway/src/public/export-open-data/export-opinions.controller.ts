import { Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { findPublicDecision, streamOpenDataOpinions } from '../../../../../libs/persistence/src';
import { OPEN_DATA_CACHE_CONTROL, openDataFile } from './open-data';
import { csv, jsonArray } from './open-data-formats';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { ExportOpinionsQuery } from './export-opinions.query';
import { exportFileName, OPINION_CSV_HEADER, OPINION_JSON_SCHEMA, opinionCsvRows } from './opinion-columns';

const FIELDS =
  'decision, phase, round, channel, section, received time, de-identified text, and — once the feedback report is published — ' +
  'cluster and answer (verdict and text). Never a receipt, raw text or contact; withheld opinions are left out.';

@ApiTags('public')
@Controller('api/v1/public/export')
export class ExportOpinionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('opinions.csv')
  @Header('cache-control', OPEN_DATA_CACHE_CONTROL)
  @Header('x-content-type-options', 'nosniff')
  @ApiOkResponse({
    description: `Published opinions of public decisions as CSV (RFC 4180, UTF-8 with BOM, formula cells prefixed with '): ${FIELDS}`,
    content: { 'text/csv': { schema: { type: 'string', example: `${OPINION_CSV_HEADER.join(',')}\r\n` } } },
  })
  @ApiNotFoundResponse({ description: 'DECISION_NOT_FOUND: `decision` is unknown or not public.' })
  async exportCsv(@Query() query: ExportOpinionsQuery): Promise<StreamableFile> {
    const opinions = await this.opinions(query);
    return openDataFile(
      csv(OPINION_CSV_HEADER, opinionCsvRows(opinions)),
      'text/csv; charset=utf-8',
      exportFileName(query.decision, 'csv'),
      'attachment',
    );
  }

  @Get('opinions.json')
  @Header('cache-control', OPEN_DATA_CACHE_CONTROL)
  @Header('x-content-type-options', 'nosniff')
  @ApiOkResponse({
    description: `Published opinions of public decisions as one JSON array: ${FIELDS}`,
    content: { 'application/json': { schema: { type: 'array', items: OPINION_JSON_SCHEMA } } },
  })
  @ApiNotFoundResponse({ description: 'DECISION_NOT_FOUND: `decision` is unknown or not public.' })
  async exportJson(@Query() query: ExportOpinionsQuery): Promise<StreamableFile> {
    const opinions = await this.opinions(query);
    return openDataFile(
      jsonArray(opinions),
      'application/json; charset=utf-8',
      exportFileName(query.decision, 'json'),
      'inline',
    );
  }

  /** Refuses an unknown or non-public decision before the first byte, like the other public reads. */
  private async opinions(query: ExportOpinionsQuery): Promise<ReturnType<typeof streamOpenDataOpinions>> {
    if (query.decision !== undefined && !(await findPublicDecision(this.dataSource, query.decision)))
      throw notPublic(query.decision);
    return streamOpenDataOpinions(this.dataSource, { decisionId: query.decision });
  }
}
