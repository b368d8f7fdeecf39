import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, DomainError, type DecisionRecord, type StaffActor } from '../../../../libs/domain/src';
import { findDecision } from '../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../common/staff.guard';
import { DATA_SOURCE } from '../common/tokens';

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
    const decision = await findDecision(this.dataSource, id);
    if (!decision || (!actsForAllUnits(actor.role) && decision.unit !== actor.unit)) {
      throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No decision ${id} for your unit.`);
    }
    return decision;
  }
}
