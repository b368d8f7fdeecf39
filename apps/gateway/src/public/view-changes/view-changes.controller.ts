import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { html } from '../../site-shell/web/html';
import { renderPage } from '../../site-shell/web/layout';
import { categoriesOf } from '../../site-shell/web/categories';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { decisionFeedLink, decisionHeader } from '../decision-header';
import { M, renderChanges } from './changes-page';
import { loadChanges } from './changes-view';

@ApiExcludeController()
@Controller('decisions')
@UseFilters(HtmlErrorFilter)
export class ViewChangesController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /decisions/{id}/changes?from=&to=`: two public texts of a decision compared (issue 17). */
  @Get(':id/changes')
  async changes(
    @Param('id') id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = pageContext(request, reply);
    const [{ decision, view }, names] = await Promise.all([
      loadChanges(this.dataSource, id, { from, to }),
      loadPublicNames(this.dataSource, categoriesOf(request.server)),
    ]);
    const main = html`${decisionHeader(decision, context.locale, 'changes', names)}${renderChanges(context, view)}`;
    const title = `${M[context.locale].title} · ${decision.title}`;
    await sendHtml(request, reply, renderPage(context, { title, main, head: decisionFeedLink(decision) }), {
      cache: 'public',
    });
  }
}
