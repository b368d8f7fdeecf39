import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { normalizeReceipt } from '../../../../../libs/domain/src';
import { findPublicDecision, lookupReceipt } from '../../../../../libs/persistence/src';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import { html } from '../../site-shell/web/html';
import { HtmlErrorFilter } from '../../site-shell/web/html-error.filter';
import { renderPage } from '../../site-shell/web/layout';
import { pageContext, sendHtml } from '../../site-shell/web/page-context';
import { M, renderReceiptPage, type ReceiptPageState } from './receipt-page';
import { receiptQrSvg, receiptUrl } from './receipt-qr';

/** The copy button's script (progressive enhancement; the page works without it). */
const SCRIPT = html`<script src="/assets/copy-receipt.js" defer></script>`;

@ApiExcludeController()
@Controller('receipts')
@UseFilters(HtmlErrorFilter)
export class LookUpReceiptController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * `GET /receipts?receipt=`: the status of an opinion and, once the feedback is published, its answer
   * (never its text or contact). Never stored by a cache: it shows a receipt.
   */
  @Get()
  async lookUp(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const context = pageContext(request, reply);
    const typed = (context.query['receipt'] ?? '').trim().slice(0, 40);
    const state: ReceiptPageState = { typed, sent: context.query['sent'] === '1' };
    let status = 200;
    if (typed) {
      const receipt = normalizeReceipt(typed);
      const view = receipt ? await lookupReceipt(this.dataSource, receipt) : undefined;
      if (!receipt) [state.error, status] = [{ code: 'INVALID_RECEIPT', status: 422 }, 422];
      else if (!view) [state.error, status] = [{ code: 'RECEIPT_NOT_FOUND', status: 404 }, 404];
      else {
        const url = receiptUrl(this.config.PUBLIC_BASE_URL, view.receipt);
        const [decision, svg] = await Promise.all([
          findPublicDecision(this.dataSource, view.decisionId),
          receiptQrSvg(url, M[context.locale].qrAlt),
        ]);
        state.found = { view, decision, qr: { url, svg } };
      }
    }
    const main = renderReceiptPage(state, context.locale, context.query['lang']);
    const head = state.found ? SCRIPT : undefined;
    await sendHtml(request, reply, renderPage(context, { title: M[context.locale].title, main, head }), {
      cache: 'private',
      status,
    });
  }
}
