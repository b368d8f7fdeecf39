import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, type DecisionRecord, type StaffActor } from '../../../../../libs/domain/src';
import { listDecisions, type Page } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { DecisionListQuery } from '../../common/decision-list.query';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ListDecisionsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The managers' view: every decision by stage and unit with what is due and overdue; drafters see their unit. */
  @Get()
  @Staff()
  @ApiOkResponse({ description: 'A page of decisions from the read model, most recently changed first.' })
  list(@Query() query: DecisionListQuery, @CurrentActor() actor: StaffActor): Promise<Page<DecisionRecord>> {
    return listDecisions(this.dataSource, {
      stage: query.stage,
      unit: actsForAllUnits(actor.role) ? query.unit : actor.unit,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      q: query.q,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }
}
