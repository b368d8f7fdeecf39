import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DisclosureRateLimit } from '../disclosure-rate-limit';
import { ApplyForDisclosureRequest, DisclosureApplicationReceipt } from './apply-for-disclosure.dto';
import { ApplyForDisclosureHandler } from './apply-for-disclosure.handler';

@ApiTags('public')
@Controller('api/v1/public/disclosure-requests')
export class ApplyForDisclosureController {
  constructor(
    private readonly handler: ApplyForDisclosureHandler,
    private readonly rateLimit: DisclosureRateLimit,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: the same receipt and secret, never a second case.',
  })
  @ApiCreatedResponse({
    type: DisclosureApplicationReceipt,
    description: 'Stored durably and its case started; keep the receipt and the secret to follow it.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'DISCLOSURE_FIELD_REQUIRED / DISCLOSURE_FIELD_INVALID (details.field), DISCLOSURE_UNIT_UNKNOWN, IDEMPOTENCY_KEY_REUSED',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async apply(
    @Body() body: ApplyForDisclosureRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DisclosureApplicationReceipt> {
    await this.rateLimit.admit('apply', request, reply);
    const stored = await this.handler.execute({ ...body, contact: { ...body.contact } }, key);
    void reply.status(201).header('cache-control', 'no-store');
    if (stored.replayed) void reply.header('idempotent-replayed', 'true');
    return { receipt: stored.receipt, secret: stored.secret, receivedDate: stored.receivedDate };
  }
}
