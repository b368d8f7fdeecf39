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
import {
  DEFAULT_POLICY,
  normalizeClusterLabel,
  validateMergedClusters,
  type StaffActor,
} from '../../../../../libs/domain/src';
import { mergeClusters, type ClusterView } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { MergeClustersRequest } from './merge-clusters.dto';

/** Cluster edits are working data of the feedback stage: written to the database and its work log, not the workflow. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class MergeClustersController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Two segments after the id: never taken for the generic `:id/:action` route of the workflow actions. */
  @Post(':id/clusters/merge')
  @HttpCode(200)
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary: 'Merge clusters into one (origin `merge`): the largest keeps its id, its opinions gain the others’',
  })
  @ApiOkResponse({ description: 'The merged cluster.' })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`, `CLUSTER_NOT_FOUND`' })
  @ApiConflictResponse({
    description: '`ILLEGAL_TRANSITION`, `CLUSTERS_NOT_READY`, `FEEDBACK_PUBLISHED`, `CLUSTER_ANSWERED`',
  })
  @ApiUnprocessableEntityResponse({ description: '`INVALID_CLUSTER_IDS`, `INVALID_LABEL`, `VALIDATION_FAILED`' })
  async merge(
    @Param('id') id: string,
    @Body() body: MergeClustersRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<ClusterView> {
    await ownDecision(this.dataSource, id, actor);
    const command = {
      clusterIds: validateMergedClusters(body.clusterIds),
      ...(body.label === undefined ? {} : { label: normalizeClusterLabel(body.label) }),
    };
    return mergeClusters(this.dataSource, id, command, actor, new Date(), DEFAULT_POLICY);
  }
}
