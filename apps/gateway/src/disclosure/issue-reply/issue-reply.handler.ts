import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  type DisclosureOutcome,
  DomainError,
  type ReplyDraftState,
  shanghaiDate,
  type StaffActor,
} from '../../../../../libs/domain/src';
import {
  type AttachmentStore,
  findDisclosureApplicant,
  findIssuedReplyDocument,
  listUnits,
  readCaseLog,
} from '../../../../../libs/persistence/src';
import type { DisclosureCaseView } from '../../../../../workflows/definitions';
import type { GatewayConfig } from '../../config';
import { ATTACHMENT_STORE, CONFIG, DATA_SOURCE } from '../../common/tokens';
import { DisclosureCaseLoader, type DisclosureRequestRow } from '../disclosure-case';
import { type ReplyDocument, replyDocument } from '../../site-shell/web/disclosure-reply/reply-document';
import { renderReplyPdf } from './reply-document.pdf';

/**
 * The reply document (ADR 103): rendered from the approved draft, stored by its sha256 in the attachment
 * store, and issued by the `reply` Update with that hash, which the case log then records. Staff read it
 * back as HTML (also a draft's preview) and as PDF (the stored bytes once issued).
 */
@Injectable()
export class IssueReplyHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly loader: DisclosureCaseLoader,
  ) {}

  /** Renders and stores the approved draft's document, then lets `send` issue it; answers the case after. */
  async execute(
    request: DisclosureRequestRow,
    date: string | undefined,
    send: (document: { sha256: string }, outcome: DisclosureOutcome) => Promise<DisclosureCaseView>,
  ): Promise<DisclosureCaseView> {
    const calendar = await this.loader.calendar();
    const log = await readCaseLog(this.dataSource, request.requestId);
    const today = shanghaiDate(new Date());
    const { state } = await this.loader.standing(
      request.requestId,
      log.map((entry) => entry.event),
      calendar,
      today,
    );
    const draft = state.replyDraft;
    if (!draft?.review?.approved)
      throw new DomainError(
        'DISCLOSURE_REPLY_NOT_APPROVED',
        'conflict',
        'A reply is issued from a draft another staff member approved.',
      );
    const doc = await this.documentFrom(request, draft, date ?? today);
    const stored = await this.store.put(await this.pdf(doc));
    return send({ sha256: stored.sha256 }, draft.outcome);
  }

  /** The document of a case: the issued one, or the current draft's preview; none before a draft. */
  async document(requestId: string, actor: StaffActor): Promise<ReplyDocument> {
    const found = await this.loader.load(requestId, actor);
    const draft = found.state.replyDraft;
    if (!draft) throw new DomainError('DISCLOSURE_NO_DRAFT_PENDING', 'conflict', 'No reply has been drafted yet.');
    const issued = found.state.replyDocument ? found.state.closed?.date : undefined;
    return this.documentFrom(found.request, draft, issued);
  }

  /** The PDF: the stored bytes of the issued document, or a preview of the draft rendered now. */
  async documentPdf(requestId: string, actor: StaffActor): Promise<{ bytes: Buffer; issued: boolean }> {
    const doc = await this.document(requestId, actor);
    const issued = doc.issuedDate ? await findIssuedReplyDocument(this.dataSource, this.store, requestId) : null;
    return issued ? { bytes: issued.pdf, issued: true } : { bytes: await this.pdf(doc), issued: false };
  }

  private pdf(doc: ReplyDocument): Promise<Buffer> {
    return renderReplyPdf(doc, { path: this.config.DISCLOSURE_PDF_FONT, face: this.config.DISCLOSURE_PDF_FONT_FACE });
  }

  private async documentFrom(
    request: DisclosureRequestRow,
    draft: ReplyDraftState,
    issuedDate: string | undefined,
  ): Promise<ReplyDocument> {
    const [applicant, units] = await Promise.all([
      findDisclosureApplicant(this.dataSource, request.requestId),
      listUnits(this.dataSource),
    ]);
    const unitName = units.find((unit) => unit.id === request.unit)?.name ?? request.unit;
    return replyDocument({ request, applicant, unitName, draft, ...(issuedDate ? { issuedDate } : {}) });
  }
}
