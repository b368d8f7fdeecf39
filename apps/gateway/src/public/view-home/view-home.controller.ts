import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { listDecisions, toPublicDecision, type PublicDecision } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import { html, type Html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { defineMessages } from '../../site-shell/web/i18n';
import { renderPage } from '../../site-shell/web/layout';
import { categoriesOf } from '../../site-shell/web/categories';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { decisionCard } from '../decision-card';

const M = defineMessages(
  {
    title: '首页',
    heading: '重大行政决策公开',
    intro: '在这里阅读决策草案、提出意见、查询回执和答复，并跟踪每项决策的执行与评估。',
    open: '正在征求意见',
    noneOpen: '目前没有正在征求意见的决策。',
    recent: '最近更新的决策',
    noneRecent: '还没有公开的决策。',
    all: '查看全部决策',
  },
  {
    title: 'Home',
    heading: 'Major administrative decisions in the open',
    intro:
      'Read draft decisions, send your opinion, look up the receipt and the answer, and follow how each decision is carried out and evaluated.',
    open: 'Open for opinions',
    noneOpen: 'No decision is open for opinions at the moment.',
    recent: 'Recently updated decisions',
    noneRecent: 'No public decision yet.',
    all: 'See all decisions',
  },
);

@ApiExcludeController()
@Controller()
@UseFilters(HtmlErrorFilter)
export class ViewHomeController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const m = M[context.locale];
    const [open, recent, names] = await Promise.all([
      listDecisions(this.dataSource, { publicOnly: true, stage: 'consultation', page: 1, pageSize: 12 }),
      listDecisions(this.dataSource, { publicOnly: true, page: 1, pageSize: 12 }),
      loadPublicNames(this.dataSource, categoriesOf(request.server)),
    ]);
    const list = (items: PublicDecision[], none: string): Html =>
      items.length
        ? html`<ul class="cards">${items.map((d) => decisionCard(d, context.locale, 'h3', { names }))}</ul>`
        : html`<p class="muted">${none}</p>`;
    const main = html`<h1>${m.heading}</h1><p>${m.intro}</p>
<section aria-labelledby="open-h"><h2 id="open-h">${m.open}</h2>${list(open.items.map(toPublicDecision), m.noneOpen)}</section>
<section aria-labelledby="recent-h"><h2 id="recent-h">${m.recent}</h2>${list(recent.items.map(toPublicDecision), m.noneRecent)}
<p><a href="/decisions">${m.all}</a></p></section>`;
    await sendHtml(request, reply, renderPage(context, { title: m.title, main }), { cache: 'public' });
  }
}
