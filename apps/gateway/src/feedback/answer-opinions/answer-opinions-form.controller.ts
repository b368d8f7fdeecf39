import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANSWER_TEXT_MAX_CHARS, InvalidCommandError, isVerdict } from '../../../../../libs/domain/src';
import { ActOnDecisionHandler } from '../../decisions/act-on-decision/act-on-decision.handler';
import { AnswerOpinionsHandler } from './answer-opinions.handler';
import { CreateAnswerTemplateHandler } from '../manage-answer-templates/create-answer-template.handler';
import { ACTION_FORMS } from '../../decisions/act-on-decision/action-fields';
import { parseActionForm } from '../../decisions/act-on-decision/form-parsing';
import { sendConsolePage } from '../../site-shell/console/console-page';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { handleOpinionsPost, listOf, textOf } from './opinions-response';
import { OpinionsLoader } from './opinions.loader';
import { renderOpinions, type OpinionsForm } from './opinions.page';
import { StaffRequests } from '../../common/staff-requests';
import { formRequest } from '../../site-shell/console/form-key';
import type { FormBody } from '../../site-shell/console/form-body';

const FORMS: readonly OpinionsForm[] = ['answers', 'merge', 'split', 'relabel', 'confirm', 'template', 'withhold'];

/**
 * `/console/decisions/{id}/opinions`: raw opinions, clusters and bulk answers with templates. Writes go
 * through the API's own handlers (answers, templates) and repositories (cluster edits).
 */
@ApiExcludeController()
@Controller('console/decisions')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class AnswerOpinionsFormController {
  constructor(
    private readonly loader: OpinionsLoader,
    private readonly answers: AnswerOpinionsHandler,
    private readonly templates: CreateAnswerTemplateHandler,
    private readonly actions: ActOnDecisionHandler,
    private readonly requests: StaffRequests,
  ) {}

  @Get(':id/opinions')
  async page(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentSession() session: ConsoleSession,
  ): Promise<void> {
    const work = await this.loader.load(id, session.actor, query);
    const form = FORMS.find((f) => f === query['done']);
    const count = typeof query['count'] === 'string' ? Number.parseInt(query['count'], 10) || 0 : undefined;
    await sendConsolePage(request, reply, session, (context) =>
      renderOpinions(context, session, { ...work, done: form ? { form, count } : undefined }),
    );
  }

  /** The same answer for every ticked cluster and opinion (the API's `selection` form), all or none. */
  @Post(':id/answers')
  async answer(
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
      { decisionId: id, form: 'answers', body },
      async () => {
        const command = {
          selection: { clusters: listOf(body['clusters']), receipts: listOf(body['receipts']) },
          verdict: textOf(body['verdict']),
          text: textOf(body['text']),
          reason: textOf(body['reason']),
          templateId: textOf(body['templateId']),
        };
        return (
          await this.requests.run(formRequest(request, session.actor, body), () =>
            this.answers.execute(id, command, session.actor),
          )
        ).recorded;
      },
    );
  }

  @Post(':id/answer-templates')
  async createTemplate(
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
      { decisionId: id, form: 'template', body },
      async () => {
        const [title, verdict, text] = [textOf(body['title']), textOf(body['verdict']), textOf(body['text'])];
        // The API checks these with its DTO; the form checks the same bounds.
        if (!title || title.length > 200)
          throw new InvalidCommandError('FIELD_REQUIRED', 'title needs 1–200 characters.', { field: 'title' });
        if (!isVerdict(verdict))
          throw new InvalidCommandError('INVALID_VERDICT', 'Choose a verdict.', { field: 'verdict' });
        if (!text || text.length > ANSWER_TEXT_MAX_CHARS)
          throw new InvalidCommandError('INVALID_TEXT', `text needs 1–${ANSWER_TEXT_MAX_CHARS} characters.`, {
            field: 'text',
          });
        await this.requests.run(formRequest(request, session.actor, body), () =>
          this.templates.execute({ title, verdict, text }, session.actor),
        );
        return undefined;
      },
    );
  }

  /** One row's "withhold": the workspace's `withhold-opinion` form fields → the API's action handler. */
  @Post(':id/opinions/withhold')
  async withhold(
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
      { decisionId: id, form: 'withhold', body },
      async () => {
        const command = parseActionForm(ACTION_FORMS['withhold-opinion']!.fields, body ?? {});
        await this.requests.run(formRequest(request, session.actor, body), () =>
          this.actions.execute(id, 'withhold-opinion', command, session.actor),
        );
        return undefined;
      },
    );
  }
}
