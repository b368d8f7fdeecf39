import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, readPublicEvent } from '../../../../../libs/domain/src';
import { findPublicTimeline, type AttachmentStore } from '../../../../../libs/persistence/src';
import { ATTACHMENT_STORE, DATA_SOURCE } from '../../common/tokens';
import { contentDisposition } from './content-disposition';

const notFound = (id: string, sha256: string): DomainError =>
  new DomainError('ATTACHMENT_NOT_FOUND', 'not_found', `No public attachment ${sha256.slice(0, 64)} of ${id}.`);

/**
 * `GET /decisions/{id}/attachments/{sha256}`: an attached file, only once a public `AttachmentAdded`
 * entry of a public decision names its hash (ADR 87): anything else — unknown, confidential or not yet
 * published — is the same 404 ATTACHMENT_NOT_FOUND. Served with the type checked at upload, as a
 * download (`Content-Disposition: attachment`, RFC 5987 name), `nosniff`, the hash as ETag and cached
 * forever: the address names one content.
 */
@ApiTags('public')
@Controller('decisions')
export class DownloadAttachmentController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  @Get(':id/attachments/:sha256')
  @ApiOkResponse({ description: 'The file, with the Content-Type its content was checked as.' })
  @ApiNotFoundResponse({ description: 'ATTACHMENT_NOT_FOUND: unknown, unpublished or of a non-public decision.' })
  async download(
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entries = /^[0-9a-f]{64}$/.test(sha256) ? await findPublicTimeline(this.dataSource, id) : undefined;
    const entry = entries
      ?.filter((e) => e.type === 'AttachmentAdded')
      .map((e) => readPublicEvent('AttachmentAdded', e.data))
      .find((data) => data.sha256 === sha256);
    if (!entry) throw notFound(id, sha256);
    const etag = `"${sha256}"`;
    void reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) {
      await reply.status(304).send();
      return;
    }
    const bytes = await this.store.get(sha256);
    if (!bytes) throw notFound(id, sha256);
    await reply
      .header('content-type', entry.mediaType ?? 'application/octet-stream')
      .header('content-disposition', contentDisposition(entry.name ?? `${sha256}`))
      .header('content-length', String(bytes.length))
      .send(bytes);
  }
}
