import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../libs/domain/src';
import { findDisclosureApplicant } from '../../../../../libs/persistence/src';
import { StaffRequests } from '../../common/staff-requests';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import { disclosurePepper, type GatewayConfig } from '../../config';
import { staffLookupSecret } from '../staff-lookup-secret';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { submitConsoleForm } from '../../site-shell/console/submit-form';
import type { FormBody } from '../../site-shell/console/form-body';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { html } from '../../site-shell/web/html';
import { AnnualReportHandler } from '../annual-report/annual-report.handler';
import { ActOnDisclosureRequestHandler } from '../act-on-disclosure-request/act-on-disclosure-request.handler';
import { isDisclosureAction } from '../act-on-disclosure-request/command-schemas';
import { DisclosureCaseLoader } from '../disclosure-case';
import { IssueReplyHandler } from '../issue-reply/issue-reply.handler';
import { replyArticle } from '../../site-shell/web/disclosure-reply/reply-document.html';
import { DisclosureList } from '../list-disclosure-requests/disclosure-list';
import type { RegisterDisclosureRequestBody } from '../register-disclosure-request/register-disclosure-request.dto';
import { RegisterDisclosureRequestHandler } from '../register-disclosure-request/register-disclosure-request.handler';
import { type CasePageView, renderCasePage } from './case.page';
import { COMMAND_FORMS } from './command-forms';
import { formToBody } from './disclosure-forms';
import { renderDisclosureList } from './list.page';
import { REGISTER_FIELDS, renderRegisterForm } from './register.page';

/**
 * The staff console of on-request disclosure: the list of open requests (overdue first), the registration
 * form, the case page with the forms of the next commands, and the reply document. Every form goes through
 * the API's own handler (the same Update) under its form key (ADR 26); a refusal re-renders the page with
 * the rule in words and the rule's status.
 */
@ApiExcludeController()
@Controller('console/disclosure')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class DisclosureConsoleController {
  constructor(
    private readonly list: DisclosureList,
    private readonly loader: DisclosureCaseLoader,
    private readonly register: RegisterDisclosureRequestHandler,
    private readonly act: ActOnDisclosureRequestHandler,
    private readonly replies: IssueReplyHandler,
    private readonly requests: StaffRequests,
    private readonly reports: AnnualReportHandler,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  async index(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const items = await this.list.open(session.actor);
    const overdueReports = (await this.reports.list(session.actor)).filter((r) => r.overdue).length;
    await sendConsolePage(request, reply, session, (context) =>
      renderDisclosureList(context, session, items, overdueReports),
    );
  }

  @Get('new')
  async form(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await sendConsolePage(request, reply, session, (context) => renderRegisterForm(context, session));
  }

  @Post()
  async registerRequest(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => formToBody(REGISTER_FIELDS, body ?? {}) as unknown as RegisterDisclosureRequestBody,
      perform: (command) => this.register.execute(command, session.actor),
      doneAt: ({ requestId }) => `/console/disclosure/${encodeURIComponent(requestId)}?done=registered`,
      refusedPage: (refusal) => Promise.resolve((context) => renderRegisterForm(context, session, body ?? {}, refusal)),
    });
  }

  @Get(':id')
  async casePage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('done') done: string | undefined,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const view = await this.caseView(id, session.actor, typeof done === 'string' ? { done } : {});
    await sendConsolePage(request, reply, session, (context) => renderCasePage(context, session, view));
  }

  @Get(':id/reply-document')
  async document(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const doc = await this.replies.document(id, session.actor);
    await sendConsolePage(request, reply, session, () => ({
      title: `${doc.receipt}`,
      main: html`<p><a href="/console/disclosure/${encodeURIComponent(id)}">${doc.receipt}</a></p>${replyArticle(doc)}`,
    }));
  }

  @Post(':id/act/:action')
  async command(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    if (!isDisclosureAction(action)) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No command ${action}.`);
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => formToBody(COMMAND_FORMS[action].fields, body ?? {}),
      perform: (command) => this.act.execute(id, action, command, session.actor),
      doneAt: () => `/console/disclosure/${encodeURIComponent(id)}?done=${encodeURIComponent(action)}`,
      notFound: 'DISCLOSURE_REQUEST_NOT_FOUND',
      refusedPage: async (refusal) => {
        const view = await this.caseView(id, session.actor, { refused: { action, values: body ?? {}, refusal } });
        return (context) => renderCasePage(context, session, view);
      },
    });
  }

  private async caseView(
    id: string,
    actor: StaffActor,
    extra: Pick<CasePageView, 'done' | 'refused'>,
  ): Promise<CasePageView> {
    const found = await this.loader.load(id, actor);
    const applicant = await findDisclosureApplicant(this.dataSource, id);
    return {
      found,
      applicant: applicant && {
        name: applicant.name,
        idDocument: `${applicant.idDocumentType} ****${applicant.idDocumentLastFour}`,
        contact: JSON.parse(applicant.contact) as Record<string, string>,
      },
      ...(found.request.channel === 'online'
        ? {}
        : { lookupSecret: staffLookupSecret(disclosurePepper(this.config), id) }),
      ...extra,
    };
  }
}
