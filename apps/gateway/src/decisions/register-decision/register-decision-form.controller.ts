import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import { loadNames } from '../../site-shell/web/names';
import type { FormLists } from '../act-on-decision/action-form.render';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RegisterDecision } from '../../../../../libs/domain/src';
import { RegisterDecisionHandler } from './register-decision.handler';
import { REGISTER_FORM } from '../act-on-decision/action-fields';
import { parseActionForm } from '../act-on-decision/form-parsing';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { submitConsoleForm } from '../../site-shell/console/submit-form';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { renderRegisterForm } from './register-decision-form.page';
import { StaffRequests } from '../../common/staff-requests';
import type { FormBody } from '../../site-shell/console/form-body';

/** `/console/decisions/new`: register a decision (drafters), through the API's own handler. */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class RegisterDecisionFormController {
  constructor(
    private readonly handler: RegisterDecisionHandler,
    private readonly requests: StaffRequests,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  private async lists(): Promise<FormLists> {
    return { names: await loadNames(this.dataSource, this.config.DECISION_CATEGORIES) };
  }

  @Get('new')
  async form(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const lists = await this.lists();
    await sendConsolePage(request, reply, session, (context) =>
      renderRegisterForm(context, session, { unit: session.actor.unit }, lists),
    );
  }

  @Post('new')
  async register(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => parseActionForm(REGISTER_FORM.fields, body ?? {}) as unknown as RegisterDecision,
      perform: (command) => this.handler.execute(command, session.actor),
      doneAt: ({ decisionId }) => `/console/decisions/${decisionId}?done=register`,
      refusedPage: async (refusal) => {
        const lists = await this.lists();
        return (context) => renderRegisterForm(context, session, body ?? {}, lists, refusal);
      },
    });
  }
}
