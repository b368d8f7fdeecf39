import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DisclosureList } from './disclosure-list';

@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure-requests')
@UseGuards(StaffGuard)
export class ListDisclosureRequestsController {
  constructor(private readonly cases: DisclosureList) {}

  @Get()
  @Staff()
  @ApiOperation({
    summary: 'The open disclosure requests: overdue first, then by due date',
    description: 'A drafter sees their unit’s requests; other roles every unit’s, or one `unit`.',
  })
  @ApiQuery({ name: 'unit', required: false })
  @ApiOkResponse({ description: 'The requests with their stage, due date and whether overdue.' })
  async list(@CurrentActor() actor: StaffActor, @Query('unit') unit?: string): Promise<{ items: unknown[] }> {
    const items = await this.cases.open(actor, typeof unit === 'string' && unit ? unit : undefined);
    return {
      items: items.map(({ request, standing }) => ({
        requestId: request.requestId,
        receipt: request.receipt,
        unit: request.unit,
        channel: request.channel,
        receivedDate: request.receivedDate,
        stage: request.stage,
        clock: standing.clock.status,
        dueDate: standing.dueDate ?? null,
        overdue: standing.overdue,
      })),
    };
  }
}
