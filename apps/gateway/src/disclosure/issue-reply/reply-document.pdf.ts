import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { DomainError, endOfShanghaiDay } from '../../../../../libs/domain/src';
import { type ReplyDocument, replyParagraphs } from '../../site-shell/web/disclosure-reply/reply-document';

/** The CJK font of the PDF: a file, and the face inside it when it is a collection (.ttc). */
export interface PdfFont {
  path: string;
  face: string;
}

const fonts = new Map<string, Promise<Buffer>>();

/** The font's bytes, read once per path; a missing file is 503 DISCLOSURE_PDF_FONT_MISSING naming it. */
function fontBytes(path: string): Promise<Buffer> {
  let bytes = fonts.get(path);
  if (!bytes) {
    bytes = readFile(path);
    fonts.set(path, bytes);
    bytes.catch(() => fonts.delete(path));
  }
  return bytes.catch(() => {
    throw new DomainError(
      'DISCLOSURE_PDF_FONT_MISSING',
      'unavailable',
      `The reply document's font ${path} cannot be read (setting DISCLOSURE_PDF_FONT; Debian: fonts-noto-cjk).`,
    );
  });
}

/**
 * The reply document as a PDF (A4, the CJK font embedded as a subset). The same document and font give
 * the same bytes: the creation date is the issue day, and pdfkit writes no random file id unencrypted.
 */
export async function renderReplyPdf(doc: ReplyDocument, font: PdfFont): Promise<Buffer> {
  const bytes = await fontBytes(font.path);
  const { heading, lines, closing } = replyParagraphs(doc);
  const created = doc.issuedDate ? new Date(endOfShanghaiDay(doc.issuedDate).getTime() + 1 - 86_400_000) : new Date(0);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: {
      Title: heading,
      Subject: doc.receipt,
      Producer: 'Open Decision',
      Creator: 'Open Decision',
      CreationDate: created,
    },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const isCollection = /\.ttc$/i.test(font.path);
  pdf.registerFont('cjk', bytes, isCollection ? font.face : undefined);
  pdf.font('cjk').fontSize(18).text(heading, { align: 'center' }).moveDown(1.5);
  pdf.fontSize(12);
  for (const line of lines) pdf.text(line, { lineGap: 6, paragraphGap: 8 });
  pdf.moveDown(2);
  for (const line of closing) pdf.text(line, { align: 'right', lineGap: 4 });
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
