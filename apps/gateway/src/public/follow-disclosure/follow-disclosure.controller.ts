import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendHtml } from '../../site-shell/web/page-context';
import { standaloneReplyHtml } from '../../site-shell/web/disclosure-reply/reply-document.html';
import { DisclosureRateLimit } from '../disclosure-rate-limit';
import { DisclosureLookupAnswer, FollowDisclosureRequest } from './follow-disclosure.dto';
import { FollowDisclosureHandler, type IssuedReply } from './follow-disclosure.handler';

/** The issued reply's stored PDF, as an attachment, never cached. */
export async function sendReplyPdf(reply: FastifyReply, issued: IssuedReply): Promise<void> {
  await reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="reply-${issued.document.receipt}.pdf"`)
    .type('application/pdf')
    .send(issued.pdf);
}

@ApiTags('public')
@Controller('api/v1/public/disclosure-requests')
export class FollowDisclosureController {
  constructor(
    private readonly handler: FollowDisclosureHandler,
    private readonly rateLimit: DisclosureRateLimit,
  ) {}

  /** `POST …/lookup`: a read, but POST so that the secret never appears in a URL. Never cached. */
  @Post('lookup')
  @HttpCode(200)
  @ApiOkResponse({ type: DisclosureLookupAnswer, description: 'The case as its applicant follows it' })
  @ApiNotFoundResponse({
    description: 'DISCLOSURE_LOOKUP_NOT_FOUND: the same for an unknown receipt and a wrong secret',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async lookUp(
    @Body() body: FollowDisclosureRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DisclosureLookupAnswer> {
    void reply.header('cache-control', 'no-store');
    await this.rateLimit.admit('lookup', request, reply);
    return (await this.handler.execute(body.receipt, body.secret)) as unknown as DisclosureLookupAnswer;
  }

  /** `POST …/lookup/reply-document.pdf`: the issued reply's PDF, the bytes whose sha256 the case log records. */
  @Post('lookup/reply-document.pdf')
  @HttpCode(200)
  @ApiOperation({ summary: 'The issued reply document as PDF, for the holder of the receipt and its secret' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The stored PDF (attachment, no-store)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'DISCLOSURE_LOOKUP_NOT_FOUND' })
  async replyPdf(
    @Body() body: FollowDisclosureRequest,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    void reply.header('cache-control', 'no-store');
    await this.rateLimit.admit('lookup', request, reply);
    await sendReplyPdf(reply, await this.handler.issuedReply(body.receipt, body.secret));
  }

  /** `POST …/lookup/reply-document.html`: the issued reply as a standalone HTML document. */
  @Post('lookup/reply-document.html')
  @HttpCode(200)
  @ApiOperation({ summary: 'The issued reply document as HTML, for the holder of the receipt and its secret' })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The reply document as a standalone HTML page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'DISCLOSURE_LOOKUP_NOT_FOUND' })
  async replyHtml(
    @Body() body: FollowDisclosureRequest,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    void reply.header('cache-control', 'no-store');
    await this.rateLimit.admit('lookup', request, reply);
    const issued = await this.handler.issuedReply(body.receipt, body.secret);
    await sendHtml(request, reply, standaloneReplyHtml(issued.document), { cache: 'private' });
  }
}
