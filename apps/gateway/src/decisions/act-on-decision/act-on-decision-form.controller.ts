import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../../libs/domain/src';
import { ActOnDecisionHandler } from './act-on-decision.handler';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { submitConsoleForm } from '../../site-shell/console/submit-form';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { WorkspaceLoader } from '../view-workspace/workspace.loader';
import { renderWorkspace } from '../view-workspace/workspace.page';
import { ACTION_FORMS } from './action-fields';
import { MAX_ROWS, parseActionForm } from './form-parsing';
import { StaffRequests } from '../../common/staff-requests';
import type { FormBody } from '../../site-shell/console/form-body';

/** The form's values with the row count of `field` one higher (at most MAX_ROWS). */
function addRow(body: FormBody, field: string): FormBody {
  const shown = Number(body[`_rows.${field}`]) || 3;
  return { ...body, [`_rows.${field}`]: String(Math.min(MAX_ROWS, shown + 1)) };
}

/**
 * `POST /console/decisions/{id}/act/{action}`: the form → the action's body → the API's own handler
 * (the same Workflow Update). Done: 303 back to the workspace. Refused: the workspace again, the form
 * open with what was typed and the rule in plain words, with the rule's status.
 */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class ActOnDecisionFormController {
  constructor(
    private readonly handler: ActOnDecisionHandler,
    private readonly loader: WorkspaceLoader,
    private readonly requests: StaffRequests,
  ) {}

  @Post(':id/act/:action')
  async act(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: FormBody,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const spec = ACTION_FORMS[action];
    if (!spec) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No action ${action}.`);
    if (typeof body?.['_addRow'] === 'string') {
      // The row editor's "add a row" (ADR 108): the same form again with one row more, nothing performed.
      const values = addRow(body, body['_addRow']);
      const workspace = await this.loader.load(id, session.actor);
      await sendConsolePage(request, reply, session, (context) =>
        renderWorkspace(context, session, { ...workspace, editing: { action, values } }),
      );
      return;
    }
    await submitConsoleForm(request, reply, session, body, {
      requests: this.requests,
      parse: () => parseActionForm(spec.fields, body ?? {}),
      perform: (command) => this.handler.execute(id, action, command, session.actor),
      doneAt: () => `/console/decisions/${encodeURIComponent(id)}?done=${encodeURIComponent(action)}`,
      notFound: 'DECISION_NOT_FOUND',
      refusedPage: async (refusal) => {
        const workspace = await this.loader.load(id, session.actor);
        return (context) =>
          renderWorkspace(context, session, { ...workspace, refused: { action, values: body ?? {}, refusal } });
      },
    });
  }
}
