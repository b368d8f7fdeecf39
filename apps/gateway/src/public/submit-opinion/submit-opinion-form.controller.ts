import { Body, Controller, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { OpinionRateLimitGuard } from '../../common/rate-limit.guard';
import { toProblem } from '../../common/problem.filter';
import { DATA_SOURCE } from '../../common/tokens';
import { SubmitOpinionHandler } from './submit-opinion.handler';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { categoriesOf } from '../../site-shell/web/categories';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { loadDecisionPage } from '../view-decision/decision-page-data';
import { renderDecisionPage } from '../view-decision/decision-page';
import { formStateAfter, readOpinionForm, toOpinionInput } from './read-opinion-form';

@ApiExcludeController()
@Controller('decisions')
@UseFilters(HtmlErrorFilter)
export class SubmitOpinionFormController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly handler: SubmitOpinionHandler,
    private readonly rateLimit: OpinionRateLimitGuard,
  ) {}

  /**
   * `POST /decisions/{id}` (urlencoded, no JavaScript needed): the same durable intake as the API,
   * keyed by the form's hidden idempotency key, so a double submit or a refreshed POST stores once and
   * shows the same receipt. Success → 303 to the receipt page (Post/Redirect/Get); a refusal (including
   * the per-client rate limit the API shares) shows the page again with the error in plain words and
   * everything typed kept.
   */
  @Post(':id')
  async submit(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = pageContext(request, reply);
    const typed = readOpinionForm(body);
    try {
      await this.rateLimit.admit(request, reply);
      const stored = await this.handler.execute(id, toOpinionInput(typed.values), typed.key || undefined);
      const lang = context.query['lang'] ? `&lang=${encodeURIComponent(context.query['lang'])}` : '';
      await reply
        .header('cache-control', 'no-store')
        .redirect(`/receipts?receipt=${encodeURIComponent(stored.receipt)}&sent=1${lang}`, 303);
    } catch (error) {
      const { problem } = toProblem(error);
      const form = formStateAfter(error, problem.status, typed);
      if (!form) throw error;
      const data = await loadDecisionPage(this.dataSource, id, 1, categoriesOf(request.server));
      await sendHtml(request, reply, renderDecisionPage(context, data, form), {
        cache: 'private',
        status: problem.status,
      });
    }
  }
}
