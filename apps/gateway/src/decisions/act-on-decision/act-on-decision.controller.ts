import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ACTIONS, DomainError, type DecisionState, type StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { ActOnDecisionHandler } from './act-on-decision.handler';
import { ACTION_BODIES } from './action-bodies.openapi';

const ACTION_LIST = ACTIONS.map(
  (a) => `- \`${a.name}\` (${a.roles.join(', ')}; in ${a.stages.join(', ')}): ${a.summary}`,
).join('\n');

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ActOnDecisionController {
  constructor(private readonly handler: ActOnDecisionHandler) {}

  @Post(':id/:action')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'Perform a staff action of the lifecycle (SPEC.md §3)',
    description: `Actions:\n${ACTION_LIST}\n\nA refused action answers 409/422/403 with the rule's code and changes nothing.`,
  })
  @ApiParam({ name: 'action', enum: ACTIONS.map((a) => a.name) })
  @ApiBody({ schema: ACTION_BODIES })
  @ApiOkResponse({ description: 'The decision state after the step was appended to the log.' })
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
  ): Promise<DecisionState> {
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request body must be a JSON object.');
    }
    return this.handler.execute(id, action, (body ?? {}) as Record<string, unknown>, actor);
  }
}
