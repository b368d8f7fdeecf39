import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { UnitResponse } from './list-units.dto';
import { CreateUnitRequest } from './create-unit.dto';
import { CreateUnitHandler } from './create-unit.handler';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/units')
@UseGuards(StaffGuard)
export class CreateUnitController {
  constructor(private readonly handler: CreateUnitHandler) {}

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: UnitResponse, description: 'The unit, after UnitCreated was recorded.' })
  @ApiConflictResponse({ description: '`UNIT_EXISTS`: the id is taken.' })
  create(@Body() body: CreateUnitRequest, @CurrentActor() actor: StaffActor): Promise<UnitResponse> {
    return this.handler.execute(body, actor);
  }
}
