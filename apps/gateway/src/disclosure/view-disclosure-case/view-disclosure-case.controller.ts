import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { StaffActor } from '../../../../../libs/domain/src';
import { findDisclosureApplicant } from '../../../../../libs/persistence/src';
import { disclosurePepper, type GatewayConfig } from '../../config';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import { DisclosureCaseLoader } from '../disclosure-case';
import { staffLookupSecret } from '../staff-lookup-secret';

@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure-requests')
@UseGuards(StaffGuard)
export class ViewDisclosureCaseController {
  constructor(
    private readonly loader: DisclosureCaseLoader,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get(':id')
  @Staff()
  @ApiOperation({
    summary:
      'One disclosure case for staff: its row, applicant, the applicant’s receipt and lookup secret (requests staff registered), state, clocks and hash-chained log',
    description: 'Read from the database (the log folded on the current calendar), never from Temporal.',
  })
  @ApiOkResponse({ description: 'The case.' })
  async view(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<Record<string, unknown>> {
    const found = await this.loader.load(id, actor);
    const applicant = await findDisclosureApplicant(this.dataSource, id);
    return {
      request: found.request,
      applicant: applicant && {
        name: applicant.name,
        idDocumentType: applicant.idDocumentType,
        idDocumentLastFour: applicant.idDocumentLastFour,
        contact: JSON.parse(applicant.contact) as unknown,
      },
      // What staff give the applicant of a letter, visit or fax to follow it (ADR 123); an online applicant has theirs.
      ...(found.request.channel === 'online'
        ? {}
        : {
            applicantAccess: {
              receipt: found.request.receipt,
              secret: staffLookupSecret(disclosurePepper(this.config), id),
            },
          }),
      state: found.state,
      clock: found.clock,
      deadlines: found.deadlines,
      overdue: found.overdue,
      log: found.log,
    };
  }
}
