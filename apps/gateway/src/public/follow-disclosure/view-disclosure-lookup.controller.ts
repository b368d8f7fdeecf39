import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../../common/problem.filter';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { type PageContext, pageContext, sendHtml } from '../../site-shell/web/page-context';
import { DisclosureRateLimit } from '../disclosure-rate-limit';
import { standaloneReplyHtml } from '../../site-shell/web/disclosure-reply/reply-document.html';
import { sendReplyPdf } from './follow-disclosure.controller';
import { FollowDisclosureHandler } from './follow-disclosure.handler';

const tokenOf = (body: unknown): string => {
  const token = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['token'] : undefined;
  return typeof token === 'string' ? token : '';
};
import { type LookupPageState, M, renderLookupPage } from './lookup-page';

@ApiExcludeController()
@Controller('disclosure/lookup')
@UseFilters(HtmlErrorFilter)
export class ViewDisclosureLookupController {
  constructor(
    private readonly handler: FollowDisclosureHandler,
    private readonly rateLimit: DisclosureRateLimit,
  ) {}

  /** `GET /disclosure/lookup`: the form only; nothing of a case ever answers a GET. */
  @Get()
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.send(request, reply, pageContext(request, reply), { typedReceipt: '' }, 200);
  }

  /**
   * `POST /disclosure/lookup` (urlencoded receipt + secret): the case, or the form again with the one
   * answer for an unknown receipt and a wrong secret alike. The secret is never echoed back.
   */
  @Post()
  async lookUp(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const text = (name: string): string => (typeof record[name] === 'string' ? record[name] : '');
    const state: LookupPageState = { typedReceipt: text('receipt').trim().slice(0, 64) };
    let status = 200;
    try {
      await this.rateLimit.admit('lookup', request, reply);
      const { lookup, downloadToken } = await this.handler.lookUpForPage(text('receipt'), text('secret'));
      state.found = lookup;
      if (downloadToken) state.downloadToken = downloadToken;
    } catch (error) {
      const { problem } = toProblem(error);
      if (![404, 429].includes(problem.status)) throw error;
      [state.error, status] = [{ code: problem.code, status: problem.status }, problem.status];
    }
    await this.send(request, reply, context, state, status);
  }

  /** `POST /disclosure/lookup/reply-document.pdf` (the page's form, with its token): the issued PDF. */
  @Post('reply-document.pdf')
  async replyPdf(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.rateLimit.admit('lookup', request, reply);
    await sendReplyPdf(reply, await this.handler.issuedReplyByToken(tokenOf(body)));
  }

  /** `POST /disclosure/lookup/reply-document.html`: the issued reply as a page of its own. */
  @Post('reply-document.html')
  async replyHtml(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.rateLimit.admit('lookup', request, reply);
    const issued = await this.handler.issuedReplyByToken(tokenOf(body));
    await sendHtml(request, reply, standaloneReplyHtml(issued.document), { cache: 'private' });
  }

  private async send(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    state: LookupPageState,
    status: number,
  ): Promise<void> {
    const main = renderLookupPage(state, context.locale, context.query['lang']);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), {
      cache: 'private',
      status,
    });
  }
}
