import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { findPublicTimeline } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { sendCacheable } from '../../site-shell/web/http-cache';
import { resolveLocale } from '../../site-shell/web/i18n';
import { foldDecisionPage } from '../view-decision/decision-page-model';
import { renderProgressChart } from './progress-chart';

/**
 * The policy of the chart document alone: ECharts writes inline `style` attributes, which the pages'
 * strict CSP forbids, so the chart is its own SVG document shown through `<img>` (where SVG can run
 * no script anyway) and allowed inline styles only here.
 */
export const CHART_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

@ApiExcludeController()
@Controller('decisions')
export class ViewProgressChartController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /decisions/{id}/progress.svg?lang=`: the execution progress of a public decision as SVG. */
  @Get(':id/progress.svg')
  async chart(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entries = await findPublicTimeline(this.dataSource, id);
    if (!entries) throw notPublic(id);
    const svg = renderProgressChart(foldDecisionPage(entries).milestones, resolveLocale(lang, undefined));
    void reply.header('content-security-policy', CHART_CSP).header('x-content-type-options', 'nosniff');
    await sendCacheable(reply, request.headers['if-none-match'], svg, {
      type: 'image/svg+xml; charset=utf-8',
      cacheControl: 'public, max-age=60',
    });
  }
}
