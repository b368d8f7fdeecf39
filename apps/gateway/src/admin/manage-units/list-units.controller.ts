import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { listUnits } from '../../../../../libs/persistence/src';
import { Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { UnitResponse } from './list-units.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/units')
@UseGuards(StaffGuard)
export class ListUnitsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({ type: UnitResponse, isArray: true, description: 'Every unit, by id.' })
  list(): Promise<UnitResponse[]> {
    return listUnits(this.dataSource);
  }
}
