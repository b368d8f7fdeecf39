import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { listUnits } from '../../../../../libs/persistence/src';
import { toProblem } from '../../common/problem.filter';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { type PageContext, pageContext, sendHtml } from '../../site-shell/web/page-context';
import { DisclosureRateLimit } from '../disclosure-rate-limit';
import { M, renderApplicationForm, renderApplicationReceipt } from './application-form';
import { ApplyForDisclosureHandler } from './apply-for-disclosure.handler';
import {
  type ApplicationFormState,
  applicationStateAfter,
  emptyApplicationForm,
  readApplicationForm,
  toApplication,
} from './read-application-form';

@ApiExcludeController()
@Controller('disclosure/apply')
@UseFilters(HtmlErrorFilter)
export class ApplyForDisclosureFormController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly handler: ApplyForDisclosureHandler,
    private readonly rateLimit: DisclosureRateLimit,
  ) {}

  /** `GET /disclosure/apply`: the empty form with a fresh idempotency key (so never cached). */
  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sendForm(request, reply, pageContext(request, reply), emptyApplicationForm(), 200);
  }

  /**
   * `POST /disclosure/apply` (urlencoded, no JavaScript): the same handler as the API, keyed by the form's
   * hidden key, so a double submit stores once and shows the same receipt and secret. The answer is the
   * receipt page itself, not a redirect: the secret must never be in a URL. A refusal (the rate limit the
   * API shares included) shows the form again with the error beside its field and everything typed kept.
   */
  @Post()
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const typed = readApplicationForm(body);
    try {
      await this.rateLimit.admit('apply', request, reply);
      const stored = await this.handler.execute(toApplication(typed.values), typed.key || undefined);
      const main = renderApplicationReceipt(stored, context.locale, context.query['lang']);
      await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), {
        cache: 'private',
      });
    } catch (error) {
      const { problem } = toProblem(error);
      const form = applicationStateAfter(error, problem.status, typed);
      if (!form) throw error;
      await this.sendForm(request, reply, context, form, problem.status);
    }
  }

  private async sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    form: ApplicationFormState,
    status: number,
  ): Promise<void> {
    const units = await listUnits(this.dataSource);
    const main = renderApplicationForm(form, units, context.locale, context.query['lang']);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), {
      cache: 'private',
      status,
    });
  }
}
