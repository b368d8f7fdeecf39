import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import {
  cosignaturesOf,
  findPublicDecision,
  latestCheckpoint,
  listDecisions,
  toPublicDecision,
} from '../../../../../libs/persistence/src';
import { isConfiguredWitness, type GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import { notPublic } from '../view-decision/get-public-decision.controller';
import { html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { categoriesOf } from '../../site-shell/web/categories';
import { loadPublicNames } from '../../site-shell/web/names';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { decisionHeader } from '../decision-header';
import { M, renderVerifier, renderVerifyIndex } from './verify-page';
import { renderWitnesses, type WitnessView } from './witness-section';

/** The bundle of apps/gateway/browser/verify.ts: `verifyTimeline` from libs/domain, run in the browser. */
const SCRIPT = html`<script src="/assets/verify.js" defer></script>`;

@ApiExcludeController()
@Controller()
@UseFilters(HtmlErrorFilter)
export class VerifyLogController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** `GET /verify[?decision=]`: a chosen decision goes to its verifier page. */
  @Get('verify')
  async index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const chosen = (context.query['decision'] ?? '').trim();
    if (chosen) {
      await reply.redirect(`/decisions/${encodeURIComponent(chosen)}/verify`, 303);
      return;
    }
    const recent = await listDecisions(this.dataSource, { publicOnly: true, page: 1, pageSize: 10 });
    const main = renderVerifyIndex(
      recent.items.map(toPublicDecision),
      this.config.PUBLIC_BASE_URL,
      context.locale,
      context.query['lang'],
      renderWitnesses(await this.witnessView(), context.locale),
    );
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main }), { cache: 'public' });
  }

  /** The latest checkpoint and the configured witnesses that cosigned it (ADR 61). */
  private async witnessView(): Promise<WitnessView> {
    const latest = await latestCheckpoint(this.dataSource);
    const cosigned = latest
      ? (await cosignaturesOf(this.dataSource, latest.size))
          .filter((c) => isConfiguredWitness(this.config, c))
          .map((c) => ({ witness: c.witnessName, cosignedAt: c.cosignedAt }))
      : [];
    return {
      checkpoint: latest && { size: latest.size, createdAt: latest.createdAt },
      configured: [...new Set(this.config.TLOG_WITNESSES.map((w) => w.name))],
      cosigned,
    };
  }

  /** `GET /decisions/{id}/verify`: the chain of one decision checked in the browser. */
  @Get('decisions/:id/verify')
  async decision(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const [decision, names] = await Promise.all([
      findPublicDecision(this.dataSource, id),
      loadPublicNames(this.dataSource, categoriesOf(request.server)),
    ]);
    if (!decision) throw notPublic(id);
    const main = html`${decisionHeader(decision, context.locale, 'verify', names)}${renderVerifier(id, this.config.PUBLIC_BASE_URL, context.locale, this.config.TLOG_VERIFIER_KEY)}`;
    const title = `${M[context.locale].title} · ${decision.title}`;
    await sendHtml(request, reply, renderPage(context, { title, main, head: SCRIPT }), { cache: 'public' });
  }
}
