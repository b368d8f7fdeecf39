import {
  type ReplyDraftState,
  OUTCOMES,
  type DisclosureOutcome,
  standardReplyText,
} from '../../../../../../libs/domain/src';

/** What the reply document says, in the order it says it (the applicant's copy, ADR 103). */
export interface ReplyDocument {
  receipt: string;
  unitName: string;
  /** The applicant as the document names them: a person's name masked, an organisation's in full. */
  addressee: string;
  /** The identity document as `deidentifyDocument` keeps it: its type and last four characters. */
  idDocument: string;
  receivedDate: string;
  informationDescription: string;
  outcome: DisclosureOutcome;
  outcomeLabel: string;
  /** The standard text of the outcome (推行申请答复文书的标准化文本), citing its article. */
  standardText: string;
  reasons?: string;
  competentAgency?: { name: string; contact?: string };
  remedyNotice: string;
  /** Undefined while the draft is only previewed. */
  issuedDate?: string;
}

export interface ReplyDocumentInput {
  request: { receipt: string; receivedDate: string; informationDescription: string; applicantKind: string };
  applicant: { name: string; idDocumentType: string; idDocumentLastFour: string } | null;
  unitName: string;
  draft: ReplyDraftState;
  issuedDate?: string;
}

/**
 * A natural person's name with all but its first character masked (张＊＊); the document may reach the
 * applicant's public lookup, where no full identity appears.
 */
export function maskedName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '＊'.repeat(Math.max(1, chars.length - 1));
}

export function replyDocument(input: ReplyDocumentInput): ReplyDocument {
  const { request, applicant, draft } = input;
  const name = applicant?.name ?? '';
  const [standardText = ''] = standardReplyText(draft.outcome).split('\n');
  return {
    receipt: request.receipt,
    unitName: input.unitName,
    addressee: request.applicantKind === 'natural_person' ? maskedName(name) : name,
    idDocument: applicant ? `${applicant.idDocumentType} ****${applicant.idDocumentLastFour}` : '',
    receivedDate: request.receivedDate,
    informationDescription: request.informationDescription,
    outcome: draft.outcome,
    outcomeLabel: OUTCOMES[draft.outcome].zh,
    standardText,
    ...(draft.reasons ? { reasons: draft.reasons } : {}),
    ...(draft.competentAgency ? { competentAgency: draft.competentAgency } : {}),
    remedyNotice: draft.remedyNotice,
    ...(input.issuedDate ? { issuedDate: input.issuedDate } : {}),
  };
}

/** A date as the document writes it: 2026年12月6日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The document's paragraphs, shared by the HTML and the PDF so that both say the same. */
export function replyParagraphs(doc: ReplyDocument): { heading: string; lines: string[]; closing: string[] } {
  const lines = [
    `${doc.addressee}（${doc.idDocument}）：`,
    `本机关于${chineseDate(doc.receivedDate)}收到您提出的政府信息公开申请（回执编号${doc.receipt}），申请获取：${doc.informationDescription}`,
    `经审查，答复如下（${doc.outcomeLabel}）：${doc.standardText}`,
    ...(doc.reasons ? [doc.reasons] : []),
    ...(doc.competentAgency
      ? [
          `负责公开该信息的机关：${doc.competentAgency.name}${doc.competentAgency.contact ? `，联系方式：${doc.competentAgency.contact}` : ''}。`,
        ]
      : []),
    doc.remedyNotice,
  ];
  return {
    heading: '政府信息公开申请答复书',
    lines,
    closing: [doc.unitName, doc.issuedDate ? chineseDate(doc.issuedDate) : '（草稿，尚未发出）'],
  };
}
