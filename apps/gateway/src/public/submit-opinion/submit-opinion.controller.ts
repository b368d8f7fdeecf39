import { Body, Controller, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OpinionRateLimitGuard } from '../../common/rate-limit.guard';
import { OpinionReceipt, SubmitOpinionRequest } from './submit-opinion.dto';
import { SubmitOpinionHandler } from './submit-opinion.handler';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class SubmitOpinionController {
  constructor(private readonly handler: SubmitOpinionHandler) {}

  @Post(':id/opinions')
  @UseGuards(OpinionRateLimitGuard)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key, same receipt: a retry never stores a second opinion.',
  })
  @ApiCreatedResponse({ type: OpinionReceipt, description: 'Stored durably; keep the receipt to look up the answer.' })
  @ApiConflictResponse({ description: 'CONSULTATION_NOT_OPEN outside the consultation window.' })
  async submit(
    @Param('id') id: string,
    @Body() body: SubmitOpinionRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpinionReceipt> {
    const stored = await this.handler.execute(
      id,
      { text: body.text, section: body.section, contact: body.contact ? { ...body.contact } : undefined },
      key,
    );
    void reply.status(201).header('cache-control', 'no-store');
    if (stored.replayed) void reply.header('idempotent-replayed', 'true');
    return { receipt: stored.receipt, receivedAt: stored.receivedAt };
  }
}
