import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { listPublicReports, type PublicReport, readPublicReport } from './public-reports';
import { renderPublicReport, renderPublicReportList, M } from './report-pages';

@ApiTags('public')
@Controller('api/v1/public/disclosure-reports')
export class ViewDisclosureReportController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The published annual disclosure reports (政府信息公开工作年度报告), newest year first' })
  @ApiOkResponse({ description: 'Each report’s id, unit, year, publication time and sha256.' })
  async list(): Promise<{ items: unknown[] }> {
    return { items: await listPublicReports(this.dataSource) };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One published annual disclosure report: its tables and sections, its sha256 and public log entry',
    description:
      '`sha256` is of the JCS (RFC 8785) of `content`; the report is the first entry of its own public chain (`AR-{year}-{unit}`).',
  })
  @ApiOkResponse({ description: 'The report.' })
  get(@Param('id') id: string): Promise<PublicReport> {
    return readPublicReport(this.dataSource, id);
  }
}

@ApiExcludeController()
@Controller('disclosure/reports')
@UseFilters(HtmlErrorFilter)
export class ViewDisclosureReportPageController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /disclosure/reports`: the published annual reports. */
  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const [reports, names] = await Promise.all([listPublicReports(this.dataSource), loadPublicNames(this.dataSource)]);
    const main = renderPublicReportList(reports, names, context.locale);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), { cache: 'public' });
  }

  /** `GET /disclosure/reports/{id}`: one published report. */
  @Get(':id')
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<void> {
    const context = pageContext(request, reply);
    const [report, names] = await Promise.all([
      readPublicReport(this.dataSource, id),
      loadPublicNames(this.dataSource),
    ]);
    const { title, main } = renderPublicReport(report, names, context.locale);
    await sendHtml(request, reply, renderPage(context, { title, main }), { cache: 'public' });
  }
}
