import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  listDecisions,
  publicCatalogueFacets,
  searchableTexts,
  searchTerms,
  toPublicDecision,
} from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { categoriesOf } from '../../site-shell/web/categories';
import { loadPublicNames } from '../../site-shell/web/names';
import { M, renderCatalogue, type CatalogueSearch } from './catalogue-page';
import { excerptsOf } from './search-excerpts';
import { readCatalogueQuery } from './catalogue-query';

const PAGE_SIZE = 20;

@ApiExcludeController()
@Controller('decisions')
@UseFilters(HtmlErrorFilter)
export class ViewCatalogueController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** `GET /decisions?q=&stage=&unit=&year=&page=`: public decisions only (SPEC.md §3.8). */
  @Get()
  async catalogue(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const query = readCatalogueQuery(context.query);
    const [found, facets, names] = await Promise.all([
      listDecisions(this.dataSource, {
        publicOnly: true,
        q: query.q || undefined,
        searchTexts: true,
        stage: query.stage,
        unit: query.unit || undefined,
        category: query.category || undefined,
        year: query.year,
        page: query.page,
        pageSize: PAGE_SIZE,
      }),
      publicCatalogueFacets(this.dataSource),
      loadPublicNames(this.dataSource, categoriesOf(request.server)),
    ]);
    const result = { ...found, items: found.items.map(toPublicDecision) };
    const terms = searchTerms(query.q);
    const [texts, latest] = await Promise.all([
      terms.length
        ? searchableTexts(
            this.dataSource,
            result.items.map((d) => d.id),
          )
        : new Map(),
      result.total === 0
        ? listDecisions(this.dataSource, { publicOnly: true, page: 1, pageSize: 3 })
        : Promise.resolve(undefined),
    ]);
    const search: CatalogueSearch = {
      terms,
      excerpts: excerptsOf(texts, terms),
      latest: latest?.items.map(toPublicDecision) ?? [],
    };
    const main = renderCatalogue(context, query, result, facets, names, search);
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), { cache: 'public' });
  }
}
