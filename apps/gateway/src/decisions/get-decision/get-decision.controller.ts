import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { DecisionRecord, StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class GetDecisionController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** A decision's full read model for staff, including internal due items (reviews, legality review). */
  @Get(':id')
  @Staff()
  @ApiOkResponse({ description: 'The decision with stage, due items, overdue flags and progress.' })
  async get(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<DecisionRecord> {
    return ownDecision(this.dataSource, id, actor);
  }
}
