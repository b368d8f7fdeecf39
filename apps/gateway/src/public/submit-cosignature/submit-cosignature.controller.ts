import { Body, Controller, Headers, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CosignatureRateLimitGuard } from './cosignature-rate-limit.guard';
import { COSIGNED_NOTE_BODY, CosignatureReceipt } from './submit-cosignature.dto';
import { SubmitCosignatureHandler } from './submit-cosignature.handler';

@ApiTags('public')
@Controller('api/v1/public/transparency')
export class SubmitCosignatureController {
  constructor(private readonly handler: SubmitCosignatureHandler) {}

  @Post('cosignatures')
  @UseGuards(CosignatureRateLimitGuard)
  @ApiConsumes('text/plain', 'application/json')
  @ApiBody(COSIGNED_NOTE_BODY)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key, same note: a retry is answered what was kept; another note with it is refused.',
  })
  @ApiCreatedResponse({ type: CosignatureReceipt, description: 'At least one new cosignature was kept.' })
  @ApiOkResponse({ type: CosignatureReceipt, description: 'Every cosignature submitted was kept before.' })
  @ApiUnprocessableEntityResponse({
    description: 'The note is not a cosigned checkpoint of this log by a configured witness.',
  })
  async submit(
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CosignatureReceipt> {
    const { receipt, replayed } = await this.handler.execute(body, key, new Date());
    void reply.status(receipt.added > 0 ? 201 : 200).header('cache-control', 'no-store');
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return receipt;
  }
}
