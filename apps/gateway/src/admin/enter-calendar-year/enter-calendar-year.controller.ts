import { Body, Controller, Headers, Param, ParseIntPipe, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import type { CalendarChange } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { CalendarChangeResponse, EnterCalendarYearRequest } from './enter-calendar-year.dto';
import { EnterCalendarYearHandler } from './enter-calendar-year.handler';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/calendar/years')
@UseGuards(StaffGuard)
export class EnterCalendarYearController {
  constructor(private readonly handler: EnterCalendarYearHandler) {}

  @Put(':year')
  @Staff('admin')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key, same change: a retry never records a second version.',
  })
  @ApiOkResponse({
    type: CalendarChangeResponse,
    description: 'The recorded change; running decisions receive it in the background.',
  })
  @ApiUnprocessableEntityResponse({
    description: '`CALENDAR_*`: the arrangement breaks a rule (dates, year, make-up days, source).',
  })
  enter(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: EnterCalendarYearRequest,
    @CurrentActor() actor: StaffActor,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<CalendarChange> {
    return this.handler.execute(year, body, actor, key);
  }
}
