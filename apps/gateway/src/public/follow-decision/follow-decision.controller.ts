import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, normalizeFollowEmail } from '../../../../../libs/domain/src';
import {
  confirmFollower,
  findRecipientByToken,
  followDecision,
  unsubscribe,
} from '../../../../../libs/persistence/src';
import { toProblem } from '../../common/problem.filter';
import { DATA_SOURCE } from '../../common/tokens';
import type { Html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { pageContext, sendHtml, type PageContext } from '../../site-shell/web/page-context';
import { M, messagePage, renderFollowForm, tokenFormPage } from './follow-pages';
import { FollowRateLimit } from './follow-rate-limit.guard';

const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 400) : '';
};

const linkUnknown = (): DomainError =>
  new DomainError('FOLLOW_LINK_UNKNOWN', 'not_found', 'No follower has this link: it is wrong or was replaced.');

/**
 * Following a decision by e-mail (ADR 95): the decision page's form, then the confirm and unsubscribe
 * pages its messages link to. Every page here is private (it carries a token or an address) and shows
 * no address; tokens in the query are kept out of the request log (`loggableUrl`).
 */
@ApiExcludeController()
@Controller()
@UseFilters(HtmlErrorFilter)
export class FollowDecisionController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rateLimit: FollowRateLimit,
  ) {}

  /**
   * `POST /decisions/{id}/follow` (urlencoded `email`): a pending follower and a confirmation mail,
   * rate-limited per client. The answer is the same whether or not the address already follows.
   */
  @Post('decisions/:id/follow')
  async follow(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = pageContext(request, reply);
    const typed = field(body, 'email');
    const lang = context.query['lang'];
    try {
      const email = normalizeFollowEmail(typed);
      await this.rateLimit.admit(request, reply);
      const outcome = await followDecision(
        this.dataSource,
        { decisionId: id, email, lang: context.locale },
        new Date(),
      );
      if (outcome === 'unknown-decision')
        throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No public decision ${id}.`);
      const m = M[context.locale];
      await this.send(request, reply, context, m.sentTitle, messagePage(m.sentTitle, m.sent, id, context.locale, lang));
    } catch (error) {
      if (!(error instanceof DomainError) || !['INVALID_EMAIL', 'RATE_LIMITED'].includes(error.code)) throw error;
      const { problem } = toProblem(error);
      const form = renderFollowForm(id, context.locale, lang, {
        email: typed,
        error: { code: error.code, status: problem.status },
      });
      await this.send(request, reply, context, M[context.locale].heading, form, problem.status);
    }
  }

  /** `GET /follow/confirm?token=`: a button that confirms (a link scanner's GET changes nothing). */
  @Get('follow/confirm')
  async confirmPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.tokenPage('confirm', request, reply);
  }

  /** `POST /follow/confirm` (urlencoded `token`): the follower is confirmed; idempotent. */
  @Post('follow/confirm')
  async confirm(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const recipient = await confirmFollower(this.dataSource, field(body, 'token'), new Date());
    if (!recipient || recipient.kind !== 'follow') throw linkUnknown();
    const m = M[context.locale];
    const [title, text] =
      recipient.status === 'unsubscribed' ? [m.unsubscribedTitle, m.wasUnsubscribed] : [m.confirmedTitle, m.confirmed];
    await this.send(
      request,
      reply,
      context,
      title,
      messagePage(title, text, recipient.decisionId, context.locale, context.query['lang']),
    );
  }

  /** `GET /follow/unsubscribe?token=`: a button that unsubscribes. */
  @Get('follow/unsubscribe')
  async unsubscribePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.tokenPage('unsubscribe', request, reply);
  }

  /**
   * `POST /follow/unsubscribe`: the page's button (`token` in the body) or a mail client's RFC 8058
   * one-click POST to the `List-Unsubscribe` URL (`token` in the query, body
   * `List-Unsubscribe=One-Click`). No cookie or CSRF token is needed: the token is the authority.
   */
  @Post('follow/unsubscribe')
  async unsubscribe(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const token = field(body, 'token') || (context.query['token'] ?? '');
    const recipient = await unsubscribe(this.dataSource, token, new Date());
    if (!recipient) throw linkUnknown();
    const m = M[context.locale];
    const page = messagePage(
      m.unsubscribedTitle,
      m.unsubscribed,
      recipient.decisionId,
      context.locale,
      context.query['lang'],
    );
    await this.send(request, reply, context, m.unsubscribedTitle, page);
  }

  private async tokenPage(
    kind: 'confirm' | 'unsubscribe',
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const context = pageContext(request, reply);
    const token = context.query['token'] ?? '';
    const recipient = token ? await findRecipientByToken(this.dataSource, token) : undefined;
    if (!recipient || (kind === 'confirm' && recipient.kind !== 'follow')) throw linkUnknown();
    const m = M[context.locale];
    const page =
      recipient.status === 'unsubscribed'
        ? messagePage(
            m.unsubscribedTitle,
            m.wasUnsubscribed,
            recipient.decisionId,
            context.locale,
            context.query['lang'],
          )
        : tokenFormPage(kind, token, context.locale, context.query['lang']);
    await this.send(request, reply, context, kind === 'confirm' ? m.confirmTitle : m.unsubscribeTitle, page);
  }

  private async send(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    title: string,
    main: Html,
    status = 200,
  ): Promise<void> {
    await sendHtml(request, reply, renderPage(context, { title, main }), { cache: 'private', status });
  }
}
