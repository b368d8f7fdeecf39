import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { StaffActor } from '../../../../../libs/domain/src';
import { listOpinionsForStaff, type StaffOpinion } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';
import { DecisionListQuery } from '../../common/decision-list.query';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ListOpinionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Raw opinions with contact, for the owning unit's staff (and reviewers and managers). */
  @Get(':id/opinions')
  @Staff()
  @ApiOkResponse({ description: 'A page of opinions with raw text, contact and moderation status.' })
  async list(
    @Param('id') id: string,
    @Query() query: DecisionListQuery,
    @CurrentActor() actor: StaffActor,
  ): Promise<{ items: StaffOpinion[]; total: number }> {
    await ownDecision(this.dataSource, id, actor);
    return listOpinionsForStaff(this.dataSource, id, query.page ?? 1, query.pageSize ?? 20);
  }
}
