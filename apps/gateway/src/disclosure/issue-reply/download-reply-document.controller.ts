import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { sendHtml } from '../../site-shell/web/page-context';
import { ConsoleErrorFilter } from '../../site-shell/console/session/console-error.filter';
import {
  ConsoleSessionGuard,
  CurrentSession,
  type ConsoleSession,
} from '../../site-shell/console/session/console-session.guard';
import { IssueReplyHandler } from './issue-reply.handler';
import { standaloneReplyHtml } from '../../site-shell/web/disclosure-reply/reply-document.html';

async function sendPdf(reply: FastifyReply, id: string, pdf: { bytes: Buffer; issued: boolean }): Promise<void> {
  const name = `reply-${id}${pdf.issued ? '' : '-draft'}.pdf`;
  await reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name}"`)
    .type('application/pdf')
    .send(pdf.bytes);
}

/** The reply document for staff over the API (Bearer): the issued PDF's stored bytes, or the draft's preview. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure-requests')
@UseGuards(StaffGuard)
export class DownloadReplyDocumentController {
  constructor(private readonly handler: IssueReplyHandler) {}

  @Get(':id/reply-document.pdf')
  @Staff()
  @ApiOperation({ summary: 'The reply document as PDF: once issued, the bytes whose sha256 the case log records' })
  @ApiProduces('application/pdf')
  async pdf(@Param('id') id: string, @CurrentActor() actor: StaffActor, @Res() reply: FastifyReply): Promise<void> {
    await sendPdf(reply, id, await this.handler.documentPdf(id, actor));
  }

  @Get(':id/reply-document.html')
  @Staff()
  @ApiOperation({ summary: 'The reply document as HTML (a draft’s preview until issued)' })
  @ApiProduces('text/html')
  async html(
    @Param('id') id: string,
    @CurrentActor() actor: StaffActor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendHtml(request, reply, standaloneReplyHtml(await this.handler.document(id, actor)), { cache: 'private' });
  }
}

/** The same PDF from the console (session cookie). */
@Controller('console/disclosure')
@UseFilters(ConsoleErrorFilter)
@UseGuards(ConsoleSessionGuard)
export class DownloadReplyDocumentPageController {
  constructor(private readonly handler: IssueReplyHandler) {}

  @Get(':id/reply-document.pdf')
  @ApiExcludeEndpoint()
  async pdf(
    @Param('id') id: string,
    @CurrentSession() session: ConsoleSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, id, await this.handler.documentPdf(id, session.actor));
  }
}
