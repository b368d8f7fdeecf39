import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DisclosureRateLimit } from '../disclosure-rate-limit';
import { DisclosureLookupAnswer, FollowDisclosureRequest } from './follow-disclosure.dto';
import { FollowDisclosureHandler } from './follow-disclosure.handler';

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
}
