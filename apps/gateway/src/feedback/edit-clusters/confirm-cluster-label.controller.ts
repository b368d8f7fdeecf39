import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, normalizeClusterLabel, type StaffActor } from '../../../../../libs/domain/src';
import { confirmClusterLabel, type ClusterView } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { ConfirmClusterLabelRequest } from './confirm-cluster-label.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ConfirmClusterLabelController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post(':id/clusters/confirm-label')
  @HttpCode(200)
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary:
      'Confirm a cluster’s label as the public will see it, or edit it (which confirms it); every label is confirmed before the feedback report (ADR 77)',
  })
  @ApiOkResponse({ description: 'The cluster, with `labelConfirmedAt`.' })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`, `CLUSTER_NOT_FOUND`' })
  @ApiConflictResponse({ description: '`ILLEGAL_TRANSITION`, `CLUSTERS_NOT_READY`, `FEEDBACK_PUBLISHED`' })
  @ApiUnprocessableEntityResponse({ description: '`INVALID_LABEL`, `VALIDATION_FAILED`' })
  async confirm(
    @Param('id') id: string,
    @Body() body: ConfirmClusterLabelRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<ClusterView> {
    await ownDecision(this.dataSource, id, actor);
    return confirmClusterLabel(
      this.dataSource,
      id,
      {
        clusterId: body.clusterId,
        ...(body.label !== undefined ? { label: normalizeClusterLabel(body.label) } : {}),
      },
      actor,
      new Date(),
      DEFAULT_POLICY,
    );
  }
}
