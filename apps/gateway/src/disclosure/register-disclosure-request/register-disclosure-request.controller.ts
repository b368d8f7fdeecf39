import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { RegisterDisclosureRequestBody, type RegisteredDisclosureRequest } from './register-disclosure-request.dto';
import { RegisterDisclosureRequestHandler } from './register-disclosure-request.handler';

@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure-requests')
@UseGuards(StaffGuard)
export class RegisterDisclosureRequestController {
  constructor(private readonly handler: RegisterDisclosureRequestHandler) {}

  @Post()
  @Staff()
  @ApiOperation({
    summary: 'Register a disclosure request that arrived by letter, in person or by fax (art.31)',
    description: 'Starts the durable case; the registering account is its handler. Honours Idempotency-Key.',
  })
  @ApiCreatedResponse({ description: 'The registered case: its id, receipt, received date and stage.' })
  register(
    @Body() body: RegisterDisclosureRequestBody,
    @CurrentActor() actor: StaffActor,
  ): Promise<RegisteredDisclosureRequest> {
    return this.handler.execute(body, actor);
  }
}
