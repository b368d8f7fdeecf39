import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  type ApplicantCaseView,
  applicantCaseView,
  countWorkingDays,
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureOutcome,
  DomainError,
  type CaseEvent,
  type DueCount,
  foldCase,
  lookupSecretHash,
  maskedDocumentNumber,
  normalizeDisclosureReceipt,
  normalizeLookupSecret,
} from '../../../../../libs/domain/src';
import {
  type AttachmentStore,
  currentCalendar,
  findApplicantCase,
  findDisclosureApplicant,
  findDisclosureRequest,
  findIssuedReplyDocument,
  listUnits,
  readCaseLog,
  type Unit,
} from '../../../../../libs/persistence/src';
import { ATTACHMENT_STORE, CONFIG, DATA_SOURCE } from '../../common/tokens';
import { disclosurePepper, type GatewayConfig } from '../../config';
import { signDownloadToken, verifyDownloadToken } from './download-token';
import { type ReplyDocument, replyDocument } from '../../site-shell/web/disclosure-reply/reply-document';

/** What the holder of a receipt and its secret sees: the case, and of the applicant only the name and a masked ID. */
export interface ApplicantLookup {
  receipt: string;
  unit: Unit | { id: string; name: string; nameEn: string };
  channel: string;
  applicantKind: string;
  informationDescription: string;
  deliveryForm: string;
  deliveryWay: string;
  applicant: { name: string; idDocumentType: string; idDocumentNumber: string };
  case: ApplicantCaseView;
  /** The reply due date with how it was counted, while the reply clock runs. */
  due?: { date: string; at: string; count: DueCount };
  /** Once issued: the reply document as the applicant's copy says it, and the sha256 of its PDF (ADR 123). */
  reply?: { date: string; outcome: DisclosureOutcome; document?: ReplyDocument; sha256?: string };
}

/** The issued reply of a case: its document (for HTML) and the stored PDF whose sha256 the case log records. */
export interface IssuedReply {
  requestId: string;
  document: ReplyDocument;
  pdf: Buffer;
  sha256: string;
}

/** The same answer for an unknown receipt, a wrong secret or a malformed one: no oracle. */
const notFound = (): DomainError =>
  new DomainError('DISCLOSURE_LOOKUP_NOT_FOUND', 'not_found', 'No request has this receipt and secret.');

@Injectable()
export class FollowDisclosureHandler {
  private readonly pepper: string;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.pepper = disclosurePepper(config);
  }

  /**
   * The case of `receipt` when `secret` is its secret, from the database only (the case log folded on the
   * current calendar, so a calendar change moves the due date here too), never from Temporal.
   */
  async execute(typedReceipt: string, typedSecret: string): Promise<ApplicantLookup> {
    return (await this.lookUp(typedReceipt, typedSecret)).lookup;
  }

  /** The lookup and, once the reply is issued, the lookup page's download token for it. */
  async lookUpForPage(
    typedReceipt: string,
    typedSecret: string,
  ): Promise<{ lookup: ApplicantLookup; downloadToken?: string }> {
    const { lookup, requestId } = await this.lookUp(typedReceipt, typedSecret);
    return { lookup, ...(lookup.reply?.document ? { downloadToken: this.downloadToken(requestId) } : {}) };
  }

  private async lookUp(
    typedReceipt: string,
    typedSecret: string,
  ): Promise<{ lookup: ApplicantLookup; requestId: string }> {
    const record = await this.find(typedReceipt, typedSecret);
    const calendar = await currentCalendar(this.dataSource, new Date());
    const view = applicantCaseView(foldCase(record.events, calendar), calendar, DEFAULT_DISCLOSURE_SETTINGS);
    const { request, applicant } = record;
    const unit = (await listUnits(this.dataSource)).find((u) => u.id === request.unit);
    const replied = record.events.findLast((event) => event.type === 'Replied');
    let due: ApplicantLookup['due'];
    if (view.clock.status === 'running') {
      const { periodWorkingDays, pausedWorkingDays, dueDate } = view.clock;
      const counted = countWorkingDays(
        new Date(`${view.clockStartDate}T04:00:00.000Z`),
        periodWorkingDays + pausedWorkingDays,
        calendar,
      );
      due = { date: dueDate, at: counted.at.toISOString(), count: counted.count };
    }
    const lookup: ApplicantLookup = {
      receipt: request.receipt,
      unit: unit ?? { id: request.unit, name: request.unit, nameEn: request.unit },
      channel: request.channel,
      applicantKind: request.applicantKind,
      informationDescription: request.informationDescription,
      deliveryForm: request.deliveryForm,
      deliveryWay: request.deliveryWay,
      applicant: {
        name: applicant.name,
        idDocumentType: applicant.idDocumentType,
        idDocumentNumber: maskedDocumentNumber(applicant.idDocumentLastFour),
      },
      case: view,
      ...(due ? { due } : {}),
      ...(replied?.type === 'Replied'
        ? {
            reply: {
              date: replied.date,
              outcome: replied.outcome,
              ...(replied.document
                ? {
                    document: this.documentOf(record.request, applicant, unit, record.events, replied.date),
                    sha256: replied.document.sha256,
                  }
                : {}),
            },
          }
        : {}),
    };
    return { lookup, requestId: request.requestId };
  }

  /** The issued reply of the case of `receipt` and `secret` (the API's downloads, by POST: no URL holds it). */
  async issuedReply(typedReceipt: string, typedSecret: string): Promise<IssuedReply> {
    const record = await this.find(typedReceipt, typedSecret);
    return this.issued(record.request.requestId);
  }

  /** The lookup page's download token for a request's reply (see `signDownloadToken`). */
  downloadToken(requestId: string, now = Date.now()): string {
    return signDownloadToken(this.pepper, requestId, now);
  }

  /** The issued reply a page's download token names, while the token is valid. */
  async issuedReplyByToken(token: string, now = Date.now()): Promise<IssuedReply> {
    const requestId = verifyDownloadToken(this.pepper, token, now);
    if (requestId === undefined)
      throw new DomainError('DISCLOSURE_DOWNLOAD_EXPIRED', 'not_found', 'This download is no longer valid.');
    return this.issued(requestId);
  }

  private async find(typedReceipt: string, typedSecret: string) {
    const receipt = normalizeDisclosureReceipt(typedReceipt.slice(0, 64));
    const secret = normalizeLookupSecret(typedSecret.slice(0, 128));
    const record = receipt && secret && (await findApplicantCase(this.dataSource, receipt, lookupSecretHash(secret)));
    if (!record) throw notFound();
    return record;
  }

  private async issued(requestId: string): Promise<IssuedReply> {
    const [found, request, applicant, units, entries] = await Promise.all([
      findIssuedReplyDocument(this.dataSource, this.store, requestId),
      findDisclosureRequest(this.dataSource, requestId),
      findDisclosureApplicant(this.dataSource, requestId),
      listUnits(this.dataSource),
      readCaseLog(this.dataSource, requestId),
    ]);
    if (!found || !request)
      throw new DomainError('DISCLOSURE_REPLY_NOT_ISSUED', 'conflict', 'No reply has been issued yet.');
    const unit = units.find((u) => u.id === request.unit);
    const events = entries.map((entry) => entry.event);
    return {
      requestId,
      document: this.documentOf(request, applicant, unit, events, found.issuedDate),
      pdf: found.pdf,
      sha256: found.sha256,
    };
  }

  /** The reply document as the staff side rendered and stored it (ADR 103): the issued draft of the case. */
  private documentOf(
    request: {
      receipt: string;
      receivedDate: string;
      informationDescription: string;
      applicantKind: string;
      unit: string;
    },
    applicant: { name: string; idDocumentType: string; idDocumentLastFour: string } | null,
    unit: Unit | undefined,
    events: CaseEvent[],
    issuedDate: string,
  ): ReplyDocument {
    // The last draft before the reply is the one approved and issued (the case log is the record, not a fold).
    const drafted = events.findLast((event) => event.type === 'ReplyDrafted');
    if (drafted?.type !== 'ReplyDrafted')
      throw new DomainError('DISCLOSURE_REPLY_NOT_ISSUED', 'conflict', 'No reply has been issued yet.');
    const { type: _type, ...draft } = drafted;
    return replyDocument({ request, applicant, unitName: unit?.name ?? request.unit, draft, issuedDate });
  }
}
