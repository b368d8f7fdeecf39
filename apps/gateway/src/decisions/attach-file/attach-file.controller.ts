import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ATTACHMENT_TARGETS, type DecisionState, type StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AttachFileHandler } from './attach-file.handler';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class AttachFileController {
  constructor(private readonly handler: AttachFileHandler) {}

  /** The one multipart route of the API; a static segment, so it wins over `:id/:action`. */
  @Post(':id/attachments')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'Attach an official file to the draft, the decision or a report (ADR 87)',
    description:
      'multipart/form-data with `file` (PDF, DOCX, OFD, PNG or JPEG, judged by content; at most ATTACHMENT_MAX_BYTES), `target` and optionally `name`. Stored under its sha256; the public log gets an AttachmentAdded entry once the target is public. Honours Idempotency-Key.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'target'],
      properties: {
        file: { type: 'string', format: 'binary' },
        target: { type: 'string', enum: [...ATTACHMENT_TARGETS] },
        name: { type: 'string', maxLength: 200, description: 'The name shown to the public (default: the file name)' },
      },
    },
  })
  @ApiOkResponse({ description: 'The decision state after the step was appended to the log.' })
  attach(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: StaffActor): Promise<DecisionState> {
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
    return this.handler.execute(id, fields as Record<string, unknown>, actor);
  }
}
