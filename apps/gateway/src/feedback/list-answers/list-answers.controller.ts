import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { StaffActor } from '../../../../../libs/domain/src';
import { listRecordedAnswers, type RecordedAnswer } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ListAnswersController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The answers recorded so far (published or not), for the owning unit's staff, reviewers and managers. */
  @Get(':id/answers')
  @Staff()
  @ApiOkResponse({
    description:
      'Every answer of the decision: target (cluster or opinion), verdict, text, reason, template, when and by which unit and role.',
  })
  async list(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<{ items: RecordedAnswer[] }> {
    await ownDecision(this.dataSource, id, actor);
    return { items: await listRecordedAnswers(this.dataSource, id) };
  }
}
