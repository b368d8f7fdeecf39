import { checkAttachment, detectAttachmentType, zipEntryNames } from './attachment-content';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number): number[] => [...u16(n & 0xffff), ...u16(n >>> 16)];

/** A stored (uncompressed) zip of empty entries with a central directory, as a real zip tool writes. */
function zip(names: string[]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  for (const name of names) {
    const encoded = [...new TextEncoder().encode(name)];
    const offset = local.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u32(0));
    local.push(...u16(encoded.length), ...u16(0), ...encoded);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    central.push(...u32(0), ...u32(0), ...u16(encoded.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0));
    central.push(...u32(0), ...u32(offset), ...encoded);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length)];
  end.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return new Uint8Array([...local, ...central, ...end]);
}

describe('checking an attachment by its content', () => {
  it('knows PDF, PNG and JPEG by their magic numbers', () => {
    expect(checkAttachment(bytes('%PDF-1.7\n%…'))).toEqual({
      type: 'pdf',
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
    expect(detectAttachmentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(detectAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
  });

  it('tells a DOCX (a zip with word/) and an OFD (a zip with OFD.xml) from any other zip', () => {
    expect(zipEntryNames(zip(['[Content_Types].xml', 'word/document.xml']))).toEqual([
      '[Content_Types].xml',
      'word/document.xml',
    ]);
    expect(checkAttachment(zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])).type).toBe('docx');
    expect(checkAttachment(zip(['OFD.xml', 'Doc_0/Document.xml'])).type).toBe('ofd');
    expect(detectAttachmentType(zip(['xl/workbook.xml', '[Content_Types].xml']))).toBeNull();
    expect(detectAttachmentType(zip(['evil/OFD.xml']))).toBeNull();
  });

  it('refuses an empty file, a file over the limit and anything else, with stable codes', () => {
    expect(() => checkAttachment(new Uint8Array())).toThrow(expect.objectContaining({ code: 'ATTACHMENT_EMPTY' }));
    expect(() => checkAttachment(bytes('%PDF-1.7 and more'), 10)).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_TOO_LARGE', details: { maxBytes: 10 } }),
    );
    for (const other of [bytes('<html><script>'), bytes('MZ\x90\x00'), bytes('%PD'), bytes('GIF89a')])
      expect(() => checkAttachment(other)).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }));
  });

  it('refuses a truncated or hostile zip without throwing anything else', () => {
    const docx = zip(['[Content_Types].xml', 'word/document.xml']);
    const truncated = docx.subarray(0, docx.length - 30);
    const lying = new Uint8Array(docx);
    lying[docx.length - 6] = 0xff; // the directory offset points past the end
    for (const broken of [truncated, lying, bytes([0x50, 0x4b, 0x03, 0x04])]) {
      expect(zipEntryNames(broken)).toBeNull();
      expect(() => checkAttachment(broken)).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' }));
    }
  });
});
