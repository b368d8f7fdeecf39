import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, ForbiddenActionError, type StaffActor } from '../../../../../libs/domain/src';
import { listAnswerTemplates, type StoredAnswerTemplate } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { AnswerTemplateQuery, AnswerTemplateResponse } from './list-answer-templates.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/answer-templates')
@UseGuards(StaffGuard)
export class ListAnswerTemplatesController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** A unit's reusable answers, oldest first. */
  @Get()
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOkResponse({ type: [AnswerTemplateResponse] })
  list(@Query() query: AnswerTemplateQuery, @CurrentActor() actor: StaffActor): Promise<StoredAnswerTemplate[]> {
    const unit = query.unit ?? actor.unit;
    if (unit !== actor.unit && !actsForAllUnits(actor.role))
      throw new ForbiddenActionError(
        'OTHER_UNIT',
        `A drafter of ${actor.unit} sees the templates of ${actor.unit} only.`,
      );
    return listAnswerTemplates(this.dataSource, unit);
  }
}
