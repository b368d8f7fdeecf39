import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DISCLOSURE_ACTIONS, type StaffActor } from '../../../../../libs/domain/src';
import type { DisclosureCaseView } from '../../../../../workflows/definitions';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { ActOnDisclosureRequestHandler } from './act-on-disclosure-request.handler';
import { DISCLOSURE_COMMAND_BODIES } from './command-schemas';

@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure-requests')
@UseGuards(StaffGuard)
export class ActOnDisclosureRequestController {
  constructor(private readonly handler: ActOnDisclosureRequestHandler) {}

  @Post(':id/:command')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'A staff command on a disclosure case (arts. 30–36, 45)',
    description:
      'The case workflow’s Update of the same name. `grant-extension` is sent by the head of the disclosure office (a manager who is not the handler); `review-reply` by a reviewer or manager who did not draft the reply; `reply` issues the approved draft with its document. A refusal answers 403/409/422 with its DISCLOSURE_* code and records nothing. Honours Idempotency-Key.',
  })
  @ApiParam({ name: 'command', enum: DISCLOSURE_ACTIONS })
  @ApiBody({ schema: DISCLOSURE_COMMAND_BODIES })
  @ApiOkResponse({ description: 'The case after the step was appended to its log.' })
  act(
    @Param('id') id: string,
    @Param('command') command: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
  ): Promise<DisclosureCaseView> {
    return this.handler.execute(id, command, body, actor);
  }
}
