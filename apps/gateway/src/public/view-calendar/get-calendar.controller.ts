import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import {
  calendarChanges,
  calendarYears,
  type CalendarChange,
  type PublishedCalendarYear,
} from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';

export interface PublicCalendar {
  years: PublishedCalendarYear[];
  changes: CalendarChange[];
}

/** Reads the working-day calendar every due date is counted on, from the database (ADR 23). */
export async function readPublicCalendar(dataSource: DataSource, now: Date): Promise<PublicCalendar> {
  return { years: await calendarYears(dataSource, now), changes: await calendarChanges(dataSource) };
}

@ApiTags('public')
@Controller('api/v1/public/calendar')
export class GetCalendarController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Every year with its holidays, make-up working days, source and status, and every recorded change. */
  @Get()
  @ApiOkResponse({
    description: 'Years (official or provisional) and the changes administrators recorded, newest first.',
  })
  get(): Promise<PublicCalendar> {
    return readPublicCalendar(this.dataSource, new Date());
  }
}
