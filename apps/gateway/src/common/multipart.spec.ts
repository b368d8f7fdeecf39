import { createHash } from 'node:crypto';
import { boundaryOf, parseMultipart, uploadedFile } from './multipart';

const CT = 'multipart/form-data; boundary=----b0und';
const body = (...parts: Array<string | Buffer>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

describe('reading a multipart/form-data body', () => {
  it('gives the text fields, and each file as name, size and sha256 with its bytes aside', () => {
    const pdf = Buffer.from('%PDF-1.7\r\n\x00\xff binary\r\n--not-the-boundary');
    const parsed = parseMultipart(
      body(
        'preamble\r\n------b0und\r\nContent-Disposition: form-data; name="target"\r\n\r\ndraft\r\n',
        '------b0und\r\nContent-Disposition: form-data; name="file"; filename="征求意见稿.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
        pdf,
        '\r\n------b0und\r\nContent-Disposition: form-data; name="empty"; filename=""\r\n\r\n\r\n------b0und--\r\n',
      ),
      CT,
    );
    expect(parsed).toEqual({
      target: 'draft',
      file: { filename: '征求意见稿.pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    });
    expect(uploadedFile(parsed, 'file')?.bytes.equals(pdf)).toBe(true);
    expect(uploadedFile(parsed, 'empty')).toBeUndefined();
    expect(uploadedFile({ file: {} }, 'file')).toBeUndefined();
  });

  it('reads a quoted boundary and an RFC 5987 filename*', () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    const parsed = parseMultipart(
      body(
        '--x\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"; filename*=UTF-8\'\'%E5%86%B3%E5%AE%9A.pdf\r\n\r\n%PDF-\r\n--x--',
      ),
      'multipart/form-data; boundary=x',
    );
    expect(uploadedFile(parsed, 'f')?.filename).toBe('决定.pdf');
  });

  it('refuses a malformed body with MALFORMED_REQUEST', () => {
    for (const [bytes, type] of [
      ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', 'multipart/form-data; boundary=x'],
      ['--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--', 'multipart/form-data; boundary=x'],
      ['whatever', 'multipart/form-data'],
      ['no delimiter at all', 'multipart/form-data; boundary=x'],
    ] as const)
      expect(() => parseMultipart(Buffer.from(bytes), type)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_REQUEST' }),
      );
  });
});
