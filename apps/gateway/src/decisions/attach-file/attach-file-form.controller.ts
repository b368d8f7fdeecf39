import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachFile } from '../../../../../libs/domain/src';
import { redirectAfterPost, sendConsolePage } from '../../site-shell/console/console-page';
import { asRefusal } from '../../site-shell/console/refusal';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { formRequest } from '../../site-shell/console/form-key';
import type { FormBody } from '../../site-shell/console/form-body';
import { StaffRequests } from '../../common/staff-requests';
import { WorkspaceLoader } from '../view-workspace/workspace.loader';
import { renderWorkspace } from '../view-workspace/workspace.page';
import { AttachFileHandler } from './attach-file.handler';

/** The text fields of a multipart form, as a refused form is filled again (the file is chosen again). */
function textFields(body: Record<string, unknown>): FormBody {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string')) as FormBody;
}

/**
 * `POST /console/decisions/{id}/act/attachments`: the workspace's upload form (multipart, works without
 * JS) → the API's own handler. A static segment, so it wins over `act/:action`. Done: 303 back to the
 * workspace; refused: the workspace again with the rule in plain words, with the rule's status.
 */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class AttachFileFormController {
  constructor(
    private readonly handler: AttachFileHandler,
    private readonly loader: WorkspaceLoader,
    private readonly requests: StaffRequests,
  ) {}

  @Post(':id/act/attachments')
  async attach(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const fields = body ?? {};
    try {
      await this.requests.run(formRequest(request, session.actor, fields), () =>
        this.handler.execute(id, fields, session.actor),
      );
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal || refusal.code === 'DECISION_NOT_FOUND') throw error;
      const workspace = await this.loader.load(id, session.actor);
      const refused = { action: attachFile.name, values: textFields(fields), refusal };
      await sendConsolePage(
        request,
        reply,
        session,
        (context) => renderWorkspace(context, session, { ...workspace, refused }),
        refusal.status,
      );
      return;
    }
    await redirectAfterPost(reply, `/console/decisions/${encodeURIComponent(id)}?done=${attachFile.name}`);
  }
}
