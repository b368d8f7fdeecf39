import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../../libs/domain/src';
import { findPublishedFeedback, type PublishedFeedback } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';

@ApiTags('public')
@Controller('api/v1/public/decisions')
export class GetPublicFeedbackController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The report exactly as the public log's FeedbackPublished entry holds it (`seq` and `hash` point to it). */
  @Get(':id/feedback')
  @ApiOkResponse({
    description:
      'The published adoption-feedback report: summary, draft changes, statistics, each concentrated cluster with its answer.',
  })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND` (unknown or not public) or `FEEDBACK_NOT_PUBLISHED`.' })
  async get(@Param('id') id: string): Promise<PublishedFeedback> {
    const lookup = await findPublishedFeedback(this.dataSource, id);
    if (lookup.found) return lookup.feedback;
    if (lookup.missing === 'decision') throw notPublic(id);
    throw new DomainError(
      'FEEDBACK_NOT_PUBLISHED',
      'not_found',
      `The adoption feedback of decision ${id} has not been published yet.`,
    );
  }
}
