import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { categoriesOf } from '../../site-shell/web/categories';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { emptyOpinionForm } from '../submit-opinion/opinion-form';
import { loadDecisionPage, opinionsPageOf } from './decision-page-data';
import { renderDecisionPage } from './decision-page';

@ApiExcludeController()
@Controller('decisions')
@UseFilters(HtmlErrorFilter)
export class ViewDecisionController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * `GET /decisions/{id}`. Trap: while the opinion form is shown the page carries a fresh idempotency
   * key, so it is never stored by a shared cache (two visitors must never share a key); otherwise it is
   * public and revalidated by ETag.
   */
  @Get(':id')
  async view(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const data = await loadDecisionPage(
      this.dataSource,
      id,
      opinionsPageOf(context.query['opinions']),
      categoriesOf(request.server),
    );
    const form = data.acceptsOpinions ? emptyOpinionForm() : null;
    await sendHtml(request, reply, renderDecisionPage(context, data, form), { cache: form ? 'private' : 'public' });
  }
}
