import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../../libs/domain/src';
import { findPublicDecision, type PublicDecision } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';

export function notPublic(id: string): DomainError {
  return new DomainError('DECISION_NOT_FOUND', 'not_found', `No public decision ${id}.`);
}

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicDecisionController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The public view of a decision (never a confidential one before publication).' })
  @ApiNotFoundResponse({ description: 'Unknown or not public: the two are indistinguishable by design.' })
  async get(@Param('id') id: string): Promise<PublicDecision> {
    const decision = await findPublicDecision(this.dataSource, id);
    if (!decision) throw notPublic(id);
    return decision;
  }
}
