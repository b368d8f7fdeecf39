import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { type TimelinessCase, type TimelinessStatistics, timelinessStatistics } from '../../../../../libs/domain/src';
import { currentCalendar, timelinessCases } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { M, renderStatistics } from './statistics-page';

/** The statistics and the per-case rows they are computed from (no personal data), on today's calendar. */
export interface PublicTimeliness {
  statistics: TimelinessStatistics[];
  cases: TimelinessCase[];
}

export async function readTimeliness(dataSource: DataSource, now: Date): Promise<PublicTimeliness> {
  const calendar = await currentCalendar(dataSource, now);
  const cases = await timelinessCases(dataSource, calendar);
  return { statistics: timelinessStatistics(cases, calendar), cases };
}

@ApiTags('public')
@Controller('api/v1/public')
export class ViewDisclosureStatisticsController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get('disclosure-statistics')
  @ApiOperation({
    summary: 'Timeliness of on-request disclosure per unit and year (cases, median working days, on time, outcomes)',
    description:
      'Computed from the case logs on the current working-day calendar (`GET /api/v1/public/calendar`); the per-case rows are in the open data file `disclosure-timeliness.json`.',
  })
  @ApiOkResponse({ description: 'One row per unit and year.' })
  async statistics(): Promise<{ items: TimelinessStatistics[] }> {
    return { items: (await readTimeliness(this.dataSource, new Date())).statistics };
  }

  @Get('export/disclosure-timeliness.json')
  @ApiOperation({
    summary: 'Open data: the timeliness statistics and the per-case rows they are computed from',
    description:
      'Each case as unit, received date, due date at reply, closing date, how it closed and its outcome: no applicant, no description. `timelinessStatistics` (libs/domain) over `cases` and the calendar gives `statistics` again.',
  })
  @ApiOkResponse({ description: 'Statistics and cases.' })
  export(): Promise<PublicTimeliness> {
    return readTimeliness(this.dataSource, new Date());
  }
}

@ApiExcludeController()
@Controller('disclosure/statistics')
@UseFilters(HtmlErrorFilter)
export class ViewDisclosureStatisticsPageController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /disclosure/statistics`: the timeliness of on-request disclosure per unit and year. */
  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const [{ statistics }, names] = await Promise.all([
      readTimeliness(this.dataSource, new Date()),
      loadPublicNames(this.dataSource),
    ]);
    const main = renderStatistics(statistics, names, context.locale);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), { cache: 'public' });
  }
}
