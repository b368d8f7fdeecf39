import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { ForbiddenActionError } from '../../../../../libs/domain/src';
import { calendarYears } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { EnterCalendarYearHandler } from './enter-calendar-year.handler';
import { redirectAfterPost, sendConsolePage } from '../../site-shell/console/console-page';
import { asRefusal } from '../../site-shell/console/refusal';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { renderCalendarForm } from './enter-calendar-year-form.page';
import type { FormBody } from '../../site-shell/console/form-body';

const lines = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(/[\s,，、]+/).filter(Boolean) : [];
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function adminOnly(session: ConsoleSession): void {
  if (session.actor.role !== 'admin')
    throw new ForbiddenActionError('ROLE_NOT_ALLOWED', 'Only administrators keep the working-day calendar.');
}

/** `/console/calendar`: administrators enter a year's official arrangement (ADR 23), through the API's handler. */
@ApiExcludeController()
@Controller('console/calendar')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class EnterCalendarYearFormController {
  constructor(
    private readonly handler: EnterCalendarYearHandler,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get()
  async form(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    adminOnly(session);
    const saved = Number((request.query as Record<string, unknown>)['saved']);
    const years = await calendarYears(this.dataSource, new Date());
    await sendConsolePage(request, reply, session, (context) =>
      renderCalendarForm(context, session, { years, values: {}, ...(saved > 0 ? { savedVersion: saved } : {}) }),
    );
  }

  @Post()
  async enter(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    adminOnly(session);
    const values = body ?? {};
    let version: number;
    try {
      const year = /^\d{4}$/.test(text(values['year'])) ? Number(text(values['year'])) : Number.NaN;
      const request = {
        holidays: lines(values['holidays']),
        workdays: lines(values['workdays']),
        sourceReference: text(values['sourceReference']),
        sourceDate: text(values['sourceDate']),
      };
      const key = text(values['idempotencyKey']) || undefined;
      version = (await this.handler.execute(year, request, session.actor, key)).version;
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal) throw error;
      const years = await calendarYears(this.dataSource, new Date());
      await sendConsolePage(
        request,
        reply,
        session,
        (context) => renderCalendarForm(context, session, { years, values, refusal }),
        refusal.status,
      );
      return;
    }
    await redirectAfterPost(reply, `/console/calendar?saved=${version}`);
  }
}
