import { Controller, Get, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findAction } from '../../../../../libs/domain/src';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { WorkspaceLoader } from './workspace.loader';
import { renderWorkspace } from './workspace.page';

/** `/console/decisions/{id}`: a decision's state, what is due, its history and every action as a form. */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class ViewWorkspaceController {
  constructor(private readonly loader: WorkspaceLoader) {}

  @Get(':id')
  async workspace(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const workspace = await this.loader.load(id, session.actor);
    const doneAction = typeof done === 'string' && (findAction(done) || done === 'register') ? done : undefined;
    await sendConsolePage(request, reply, session, (context) =>
      renderWorkspace(context, session, { ...workspace, done: doneAction }),
    );
  }
}
