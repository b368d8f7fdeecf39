import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { DecisionState, StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { RegisterDecisionRequest } from './register-decision.dto';
import { RegisterDecisionHandler } from './register-decision.handler';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class RegisterDecisionController {
  constructor(private readonly handler: RegisterDecisionHandler) {}

  @Post()
  @Staff('drafter')
  @ApiCreatedResponse({ description: 'The decision state after DecisionRegistered was appended.' })
  register(@Body() body: RegisterDecisionRequest, @CurrentActor() actor: StaffActor): Promise<DecisionState> {
    return this.handler.execute(
      { ...body, plannedDates: body.plannedDates ? { ...body.plannedDates } : undefined },
      actor,
    );
  }
}
