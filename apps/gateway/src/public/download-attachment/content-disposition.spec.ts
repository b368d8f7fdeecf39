import { contentDisposition } from './content-disposition';

describe('Content-Disposition of a download', () => {
  it('gives an ASCII fallback and the exact name as RFC 5987 filename*', () => {
    expect(contentDisposition('征求意见稿 (2).pdf')).toBe(
      `attachment; filename="_____ (2).pdf"; filename*=UTF-8''%E5%BE%81%E6%B1%82%E6%84%8F%E8%A7%81%E7%A8%BF%20%282%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});
