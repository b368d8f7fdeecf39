import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { listDecisions, toPublicDecision, type Page, type PublicDecision } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { DecisionListQuery } from '../../common/decision-list.query';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class ListPublicDecisionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The public catalogue: registered, non-confidential (or published) decisions. */
  @Get()
  @ApiOkResponse({ description: 'A page of public decisions, most recently changed first.' })
  async list(@Query() query: DecisionListQuery): Promise<Page<PublicDecision>> {
    const page = await listDecisions(this.dataSource, {
      publicOnly: true,
      stage: query.stage,
      unit: query.unit,
      q: query.q,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
    return { ...page, items: page.items.map(toPublicDecision) };
  }
}
