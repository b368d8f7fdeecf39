import { Body, Controller, Inject, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_POLICY,
  normalizeClusterLabel,
  validateMergedClusters,
  validateSplitReceipts,
} from '../../../../../libs/domain/src';
import { isStance } from '../../../../../libs/opinion-analysis/src';
import { confirmClusterLabel, mergeClusters, relabelCluster, splitCluster } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';
import { handleOpinionsPost, listOf, textOf } from '../answer-opinions/opinions-response';
import { OpinionsLoader } from '../answer-opinions/opinions.loader';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { StaffRequests } from '../../common/staff-requests';
import { formRequest } from '../../site-shell/console/form-key';
import type { FormBody } from '../../site-shell/console/form-body';

/**
 * Merge, split, relabel clusters and confirm their labels from the opinions page, with the same checks as
 * the API's endpoints.
 */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class EditClustersFormController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly loader: OpinionsLoader,
    private readonly requests: StaffRequests,
  ) {}

  @Post(':id/clusters/merge')
  async merge(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await handleOpinionsPost(
      request,
      reply,
      session,
      this.loader,
      { decisionId: id, form: 'merge', body },
      async () => {
        await ownDecision(this.dataSource, id, session.actor);
        const label = textOf(body['mergeLabel']);
        const command = {
          clusterIds: validateMergedClusters(listOf(body['clusters'])),
          ...(label === undefined ? {} : { label: normalizeClusterLabel(label) }),
        };
        await this.requests.run(formRequest(request, session.actor, body), () =>
          mergeClusters(this.dataSource, id, command, session.actor, new Date(), DEFAULT_POLICY),
        );
        return undefined;
      },
    );
  }

  @Post(':id/clusters/split')
  async split(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await handleOpinionsPost(
      request,
      reply,
      session,
      this.loader,
      { decisionId: id, form: 'split', body },
      async () => {
        await ownDecision(this.dataSource, id, session.actor);
        const command = {
          clusterId: textOf(body['splitCluster']) ?? '',
          receipts: validateSplitReceipts(listOf(body['receipts'])),
          label: normalizeClusterLabel(textOf(body['splitLabel']) ?? ''),
        };
        await this.requests.run(formRequest(request, session.actor, body), () =>
          splitCluster(this.dataSource, id, command, session.actor, new Date(), DEFAULT_POLICY),
        );
        return undefined;
      },
    );
  }

  @Post(':id/clusters/relabel')
  async relabel(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await handleOpinionsPost(
      request,
      reply,
      session,
      this.loader,
      { decisionId: id, form: 'relabel', body },
      async () => {
        await ownDecision(this.dataSource, id, session.actor);
        const label = (textOf(body['label']) ?? '').trim();
        const stance = textOf(body['stance']) ?? '';
        const command = {
          clusterId: textOf(body['clusterId']) ?? '',
          ...(label !== '' || !isStance(stance) ? { label: normalizeClusterLabel(label) } : {}),
          ...(isStance(stance) ? { stance } : {}),
        };
        await this.requests.run(formRequest(request, session.actor, body), () =>
          relabelCluster(this.dataSource, id, command, session.actor, new Date(), DEFAULT_POLICY),
        );
        return undefined;
      },
    );
  }

  /** Confirms a cluster's label as typed (the current label, or an edit of it, which confirms it too). */
  @Post(':id/clusters/confirm-label')
  async confirmLabel(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    await handleOpinionsPost(
      request,
      reply,
      session,
      this.loader,
      { decisionId: id, form: 'confirm', body },
      async () => {
        await ownDecision(this.dataSource, id, session.actor);
        // A field sent empty is refused (INVALID_LABEL), not read as "confirm as it is".
        const command = {
          clusterId: textOf(body['clusterId']) ?? '',
          ...(body['label'] === undefined ? {} : { label: normalizeClusterLabel(textOf(body['label']) ?? '') }),
        };
        await this.requests.run(formRequest(request, session.actor, body), () =>
          confirmClusterLabel(this.dataSource, id, command, session.actor, new Date(), DEFAULT_POLICY),
        );
        return undefined;
      },
    );
  }
}
