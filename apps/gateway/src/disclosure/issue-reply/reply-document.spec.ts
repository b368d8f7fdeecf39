import { existsSync } from 'node:fs';
import { STANDARD_REMEDY_NOTICE } from '../../../../../libs/domain/src';
import { maskedName, replyDocument, replyParagraphs } from '../../site-shell/web/disclosure-reply/reply-document';
import { standaloneReplyHtml } from '../../site-shell/web/disclosure-reply/reply-document.html';
import { renderReplyPdf } from './reply-document.pdf';

const FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' };
const input = {
  request: {
    receipt: 'OD-1234-5678-9ABC-D',
    receivedDate: '2026-09-23',
    informationDescription: '2025年本区老旧小区改造项目的资金安排文件',
    applicantKind: 'natural_person',
  },
  applicant: { name: '张三丰', idDocumentType: '居民身份证', idDocumentLastFour: '1234' },
  unitName: '示范起草单位甲',
  draft: {
    date: '2026-10-20',
    draftedBy: 'acc-h',
    outcome: 'withheld_third_party' as const,
    reasons: '第三方书面说明公开将损害其商业秘密。',
    remedyNotice: STANDARD_REMEDY_NOTICE,
  },
};

describe('the reply document (ADR 103)', () => {
  it('masks a person’s name and keeps only the last four of the identity document', () => {
    expect([maskedName('张三丰'), maskedName('李'), maskedName(' ')]).toEqual(['张＊＊', '李＊', '']);
    const doc = replyDocument({ ...input, issuedDate: '2026-10-21' });
    const text = JSON.stringify(replyParagraphs(doc));
    expect(text).toContain('张＊＊（居民身份证 ****1234）');
    expect(text).not.toContain('张三丰');
    expect(replyDocument({ ...input, request: { ...input.request, applicantKind: 'business' } }).addressee).toBe(
      '张三丰',
    );
  });

  it('says the standard text of the outcome with its article, the reasons, the remedies and the issue date', () => {
    const { lines, closing } = replyParagraphs(replyDocument({ ...input, issuedDate: '2026-10-21' }));
    expect(lines.join('\n')).toMatch(/第十五条、第三十二条的规定，您申请的政府信息涉及第三方合法权益/);
    expect(lines).toContain('第三方书面说明公开将损害其商业秘密。');
    expect(lines.at(-1)).toBe(STANDARD_REMEDY_NOTICE);
    expect(closing).toEqual(['示范起草单位甲', '2026年10月21日']);
    expect(replyParagraphs(replyDocument(input)).closing[1]).toBe('（草稿，尚未发出）');
    expect(standaloneReplyHtml(replyDocument(input)).value).toContain('<html lang="zh-CN">');
  });

  (existsSync(FONT.path) ? it : it.skip)(
    'renders a PDF with the CJK font embedded as a subset',
    async () => {
      const pdf = (await renderReplyPdf(replyDocument({ ...input, issuedDate: '2026-10-21' }), FONT)).toString(
        'latin1',
      );
      expect(pdf.slice(0, 5)).toBe('%PDF-');
      expect(pdf).toMatch(/\/FontFile3?/);
      expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    },
    30_000,
  );

  it('fails clearly when the font file is missing', async () => {
    await expect(
      renderReplyPdf(replyDocument(input), { path: '/nonexistent/font.ttc', face: 'X' }),
    ).rejects.toMatchObject({
      code: 'DISCLOSURE_PDF_FONT_MISSING',
      message: expect.stringContaining('/nonexistent/font.ttc'),
    });
  });
});
