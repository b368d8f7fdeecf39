import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, DomainError, type StaffActor } from '../../../../libs/domain/src';
import { findDecision, listRecordedAnswers, type RecordedAnswer } from '../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../common/staff.guard';
import { DATA_SOURCE } from '../common/tokens';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ListAnswersController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The answers recorded so far (published or not), for the owning unit's staff, reviewers and managers. */
  @Get(':id/answers')
  @Staff()
  @ApiOkResponse({ description: 'Every answer of the decision: target (cluster or opinion), verdict, text, reason, template, when and by which unit and role.' })
  async list(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<{ items: RecordedAnswer[] }> {
    const decision = await findDecision(this.dataSource, id);
    if (!decision || (!actsForAllUnits(actor.role) && decision.unit !== actor.unit)) {
      throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No decision ${id} for your unit.`);
    }
    return { items: await listRecordedAnswers(this.dataSource, id) };
  }
}
