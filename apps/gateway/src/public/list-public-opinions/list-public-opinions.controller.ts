import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { findPublicDecision, listPublishedOpinions, type PublicOpinion } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { DecisionListQuery } from '../../common/decision-list.query';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class ListPublicOpinionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Published opinions, de-identified; never the raw text or the submitter's contact. */
  @Get(':id/opinions')
  @ApiOkResponse({ description: 'A page of published, de-identified opinions, oldest first.' })
  async list(
    @Param('id') id: string,
    @Query() query: DecisionListQuery,
  ): Promise<{ items: PublicOpinion[]; page: number; pageSize: number; total: number }> {
    if (!(await findPublicDecision(this.dataSource, id))) throw notPublic(id);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return { ...(await listPublishedOpinions(this.dataSource, id, page, pageSize)), page, pageSize };
  }
}
