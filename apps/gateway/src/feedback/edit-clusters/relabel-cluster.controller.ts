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
import { relabelCluster, type ClusterView } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { RelabelClusterRequest } from './relabel-cluster.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class RelabelClusterController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post(':id/clusters/relabel')
  @HttpCode(200)
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary: 'Give a cluster a new label and/or a corrected stance (also when answered: its opinions do not change)',
  })
  @ApiOkResponse({ description: 'The cluster.' })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`, `CLUSTER_NOT_FOUND`' })
  @ApiConflictResponse({ description: '`ILLEGAL_TRANSITION`, `CLUSTERS_NOT_READY`, `FEEDBACK_PUBLISHED`' })
  @ApiUnprocessableEntityResponse({ description: '`INVALID_LABEL`, `VALIDATION_FAILED`' })
  async relabel(
    @Param('id') id: string,
    @Body() body: RelabelClusterRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<ClusterView> {
    await ownDecision(this.dataSource, id, actor);
    return relabelCluster(
      this.dataSource,
      id,
      {
        clusterId: body.clusterId,
        ...(body.label !== undefined ? { label: normalizeClusterLabel(body.label) } : {}),
        ...(body.stance !== undefined ? { stance: body.stance } : {}),
      },
      actor,
      new Date(),
      DEFAULT_POLICY,
    );
  }
}
