import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import type { StoredAnswerTemplate } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AnswerTemplateResponse } from './list-answer-templates.dto';
import { CreateAnswerTemplateRequest } from './create-answer-template.dto';
import { CreateAnswerTemplateHandler } from './create-answer-template.handler';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/answer-templates')
@UseGuards(StaffGuard)
export class CreateAnswerTemplateController {
  constructor(private readonly handler: CreateAnswerTemplateHandler) {}

  @Post()
  @Staff('drafter', 'reviewer', 'manager')
  @ApiCreatedResponse({ type: AnswerTemplateResponse, description: 'A reusable answer of your unit.' })
  @ApiConflictResponse({ description: '`TEMPLATE_EXISTS`: your unit has a template with this id.' })
  create(@Body() body: CreateAnswerTemplateRequest, @CurrentActor() actor: StaffActor): Promise<StoredAnswerTemplate> {
    return this.handler.execute(body, actor);
  }
}
