import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/tokens';
import { readPublicCalendar } from './get-calendar.controller';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { M, renderCalendar } from './calendar-page';

@ApiExcludeController()
@Controller()
@UseFilters(HtmlErrorFilter)
export class ViewCalendarController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /calendar`: the working-day calendar every due date is counted on (ADR 23). */
  @Get('calendar')
  async view(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const [calendar, names] = await Promise.all([
      readPublicCalendar(this.dataSource, new Date()),
      loadPublicNames(this.dataSource),
    ]);
    const main = renderCalendar(calendar, context.locale, names);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), { cache: 'public' });
  }
}
