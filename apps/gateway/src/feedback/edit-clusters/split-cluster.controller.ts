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
  validateSplitReceipts,
  type StaffActor,
} from '../../../../../libs/domain/src';
import { splitCluster, type ClusterView } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { SplitClusterRequest } from './split-cluster.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class SplitClusterController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post(':id/clusters/split')
  @HttpCode(200)
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary: 'Move opinions of a cluster into a new cluster (origin `split`, id `r<round>-s<k>`) with its own label',
  })
  @ApiOkResponse({ description: '`{from, into}`: the cluster split and the new one.' })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`, `CLUSTER_NOT_FOUND`' })
  @ApiConflictResponse({
    description: '`ILLEGAL_TRANSITION`, `CLUSTERS_NOT_READY`, `FEEDBACK_PUBLISHED`, `CLUSTER_ANSWERED`',
  })
  @ApiUnprocessableEntityResponse({
    description:
      '`INVALID_RECEIPTS`, `INVALID_RECEIPT`, `RECEIPTS_NOT_IN_CLUSTER`, `SPLIT_TAKES_ALL`, `INVALID_LABEL`, `VALIDATION_FAILED`',
  })
  async split(
    @Param('id') id: string,
    @Body() body: SplitClusterRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<{ from: ClusterView; into: ClusterView }> {
    await ownDecision(this.dataSource, id, actor);
    const command = {
      clusterId: body.clusterId,
      receipts: validateSplitReceipts(body.receipts),
      label: normalizeClusterLabel(body.label),
    };
    return splitCluster(this.dataSource, id, command, actor, new Date(), DEFAULT_POLICY);
  }
}
