import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY, type StaffActor } from '../../../../../libs/domain/src';
import {
  listClusterOpinions,
  listClusters,
  type ClusterPage,
  type StaffOpinion,
} from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { PageQuery } from '../../common/page.query';
import { ClusterListQuery } from './list-clusters.query';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/decisions')
@UseGuards(StaffGuard)
export class ListClustersController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Readable once the opinions are clustered, in the feedback stage and after (the report refers to them). */
  @Get(':id/clusters')
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({
    summary:
      'The clusters of the current consultation round, largest first, with label, keywords, representative opinion, concentration and answer',
  })
  @ApiOkResponse({
    description:
      '`{items, page, pageSize, total, opinions, concentratedFrom}`; a cluster is concentrated from `concentratedFrom` opinions.',
  })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`' })
  @ApiConflictResponse({ description: '`CLUSTERS_NOT_READY`: the opinions have not been clustered (yet).' })
  async list(
    @Param('id') id: string,
    @Query() query: ClusterListQuery,
    @CurrentActor() actor: StaffActor,
  ): Promise<ClusterPage> {
    await ownDecision(this.dataSource, id, actor);
    const concentrated = query.concentrated === undefined ? undefined : query.concentrated === 'true';
    return listClusters(this.dataSource, id, DEFAULT_POLICY, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
      concentrated,
    });
  }

  @Get(':id/clusters/:clusterId/opinions')
  @Staff('drafter', 'reviewer', 'manager')
  @ApiOperation({ summary: 'The opinions of one cluster, oldest first, with raw text and contact (staff only)' })
  @ApiOkResponse({ description: '`{items, page, pageSize, total}`' })
  @ApiNotFoundResponse({ description: '`DECISION_NOT_FOUND`, `CLUSTER_NOT_FOUND`' })
  @ApiConflictResponse({ description: '`CLUSTERS_NOT_READY`' })
  async members(
    @Param('id') id: string,
    @Param('clusterId') clusterId: string,
    @Query() query: PageQuery,
    @CurrentActor() actor: StaffActor,
  ): Promise<{ items: StaffOpinion[]; page: number; pageSize: number; total: number }> {
    await ownDecision(this.dataSource, id, actor);
    return listClusterOpinions(this.dataSource, id, clusterId, query.page ?? 1, query.pageSize ?? 20);
  }
}
