import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { findPublicDecision, findPublicTimeline } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { categoriesOf } from '../../site-shell/web/categories';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { decisionFeedLink, decisionHeader } from '../decision-header';
import { M, renderTimeline } from './timeline-page';

@ApiExcludeController()
@Controller('decisions')
@UseFilters(HtmlErrorFilter)
export class ViewTimelineController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /decisions/{id}/timeline`: the public log of one decision as a page. */
  @Get(':id/timeline')
  async timeline(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const [decision, entries, names] = await Promise.all([
      findPublicDecision(this.dataSource, id),
      findPublicTimeline(this.dataSource, id),
      loadPublicNames(this.dataSource, categoriesOf(request.server)),
    ]);
    if (!decision || !entries) throw notPublic(id);
    const main = html`${decisionHeader(decision, context.locale, 'timeline', names)}${renderTimeline(id, entries, context.locale, names)}`;
    const title = `${M[context.locale].title} · ${decision.title}`;
    await sendHtml(request, reply, renderPage(context, { title, main, head: decisionFeedLink(decision) }), {
      cache: 'public',
    });
  }
}
