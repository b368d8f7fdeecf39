import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AnswerOpinionsRequest, AnswersRecorded } from './answer-opinions.dto';
import { AnswerOpinionsHandler } from './answer-opinions.handler';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class AnswerOpinionsController {
  constructor(private readonly handler: AnswerOpinionsHandler) {}

  /** A static segment: find-my-way matches it before the generic `:id/:action` route of the workflow actions. */
  @Post(':id/answers')
  @HttpCode(200)
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary:
      'Answer clusters and single opinions (bulk, all or none; an answer can change until the feedback is published)',
    description:
      'Body: either `{answers: [{target: {cluster} | {receipt}, verdict, text, reason?, templateId?}, …]}` or ' +
      '`{selection: {clusters: […], receipts: […]}, verdict, text, reason?, templateId?}` (the same answer for all). ' +
      'verdict ∈ adopted, partially_adopted, not_adopted, not_applicable; a templateId supplies verdict and text unless given. ' +
      'At most 1000 targets per request.',
  })
  @ApiOkResponse({ type: AnswersRecorded })
  @ApiNotFoundResponse({
    description:
      '`CLUSTER_NOT_FOUND` / `RECEIPT_NOT_FOUND` (the target is named in `target`), `TEMPLATE_NOT_FOUND`, `DECISION_NOT_FOUND`.',
  })
  @ApiConflictResponse({
    description:
      '`FEEDBACK_PUBLISHED`, `FEEDBACK_UNDER_REVIEW`, `CLUSTERS_NOT_READY`, `ILLEGAL_TRANSITION` (not in the feedback stage).',
  })
  @ApiUnprocessableEntityResponse({
    description:
      '`INVALID_ANSWERS`, `INVALID_TARGET`, `INVALID_RECEIPT`, `INVALID_VERDICT`, `DUPLICATE_TARGET`, `TOO_MANY_ANSWERS`, `FIELD_REQUIRED`, `VALIDATION_FAILED`.',
  })
  answer(
    @Param('id') id: string,
    @Body() body: AnswerOpinionsRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<AnswersRecorded> {
    return this.handler.execute(id, body, actor);
  }
}
