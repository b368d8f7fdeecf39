import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaffRequests } from '../../common/staff-requests';
import { sendConsolePage } from '../../site-shell/console/console-page';
import type { FormBody } from '../../site-shell/console/form-body';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { submitConsoleForm } from '../../site-shell/console/submit-form';
import { AnnualReportHandler } from './annual-report.handler';
import { renderReportList, renderReportPage } from './report.page';

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The dotted fields of a form (`table2.rules_issued`, `narrative.overview`) as the API's nested body. */
function nested(body: FormBody, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([name]) => name.startsWith(`${prefix}.`))
      .map(([name, value]) => [name.slice(prefix.length + 1), one(value)]),
  );
}

/**
 * The console's annual reports (ADR 0119): the list (overdue first) with the form that opens a report, and
 * a report's page with its tables as they stand, the form of its next step and the remedy records. Every
 * form runs the API's own handler under its form key (ADR 26); a refusal shows the page again with it.
 */
@ApiExcludeController()
@Controller('console/disclosure/reports')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class ReportConsoleController {
  constructor(
    private readonly handler: AnnualReportHandler,
    private readonly requests: StaffRequests,
  ) {}

  @Get()
  async index(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const items = await this.handler.list(session.actor);
    await sendConsolePage(request, reply, session, (context) => renderReportList(context, session, items));
  }

  @Post()
  async open(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => ({ unit: one(body?.unit), year: one(body?.year), officeKind: one(body?.officeKind) }),
      perform: (command) => this.handler.open(session.actor, command),
      doneAt: (report) => `/console/disclosure/reports/${encodeURIComponent(report.reportId)}`,
      refusedPage: async (refusal) => {
        const items = await this.handler.list(session.actor);
        return (context) => renderReportList(context, session, items, refusal);
      },
    });
  }

  @Get(':id')
  async page(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const view = await this.handler.view(session.actor, id);
    await sendConsolePage(request, reply, session, (context) => renderReportPage(context, session, view));
  }

  @Post(':id/step/:step')
  async step(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('step') step: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const form = body ?? {};
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => ({
        table2: nested(form, 'table2'),
        narrative: nested(form, 'narrative'),
        approved: one(form.approved) === 'true',
        note: one(form.note),
      }),
      perform: (command) => this.handler.step(session.actor, id, step, command),
      doneAt: () => `/console/disclosure/reports/${encodeURIComponent(id)}`,
      notFound: 'DISCLOSURE_REPORT_NOT_FOUND',
      refusedPage: async (refusal) => {
        const view = await this.handler.view(session.actor, id);
        return (context) => renderReportPage(context, session, view, refusal);
      },
    });
  }

  @Post(':id/remedies')
  async remedy(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const form = body ?? {};
    const view = await this.handler.view(session.actor, id);
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => ({
        unit: view.report.unit,
        kind: one(form.kind),
        filedDate: one(form.filedDate),
        result: one(form.result),
        decidedDate: one(form.decidedDate),
      }),
      perform: (command) => this.handler.remedy(session.actor, command),
      doneAt: () => `/console/disclosure/reports/${encodeURIComponent(id)}`,
      refusedPage: (refusal) => Promise.resolve((context) => renderReportPage(context, session, view, refusal)),
    });
  }
}
