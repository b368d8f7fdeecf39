import { InvalidCommandError } from '../errors/errors';

/** The kinds of official file staff may attach (issue 17 item 1): what the bytes are, never what the name says. */
export const ATTACHMENT_TYPES = ['pdf', 'docx', 'ofd', 'png', 'jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface AttachmentKind {
  type: AttachmentType;
  /** The Content-Type a download is served with. */
  mediaType: string;
  extension: string;
}

const KINDS: Record<AttachmentType, AttachmentKind> = {
  pdf: { type: 'pdf', mediaType: 'application/pdf', extension: 'pdf' },
  docx: {
    type: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  ofd: { type: 'ofd', mediaType: 'application/ofd', extension: 'ofd' },
  png: { type: 'png', mediaType: 'image/png', extension: 'png' },
  jpeg: { type: 'jpeg', mediaType: 'image/jpeg', extension: 'jpg' },
};

/** The media type and extension of an allowed type. */
export const attachmentKind = (type: AttachmentType): AttachmentKind => KINDS[type];

/** The default size limit of one attachment: 20 MiB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Entries read from a central directory at most: a DOCX or OFD has dozens, not thousands. */
const MAX_ENTRIES = 10_000;

/**
 * The names in a zip's central directory, or null when the bytes are not a well-formed zip (every offset
 * is checked against the length: hostile bytes end the walk, never an exception).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH) && eocd < 0; at--)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) eocd = at;
  if (eocd < 0) return null;
  const count = Math.min(view.getUint16(eocd + 10, true), MAX_ENTRIES);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at = next;
  }
  return names;
}

function zipKind(bytes: Uint8Array): AttachmentType | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.includes('OFD.xml')) return 'ofd';
  return null;
}

/** What the bytes are, by their magic numbers (and a zip's entries), or null when none of the allowed types. */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  return null;
}

/**
 * Checks an upload before it is stored: not empty, within `maxBytes`, and of an allowed type by content.
 * Throws ATTACHMENT_EMPTY, ATTACHMENT_TOO_LARGE or ATTACHMENT_TYPE_NOT_ALLOWED (422). Pure.
 * Trap: a renamed file is judged by its bytes, so `report.pdf` holding a zip is refused.
 */
export function checkAttachment(bytes: Uint8Array, maxBytes: number = MAX_ATTACHMENT_BYTES): AttachmentKind {
  if (bytes.length === 0) throw new InvalidCommandError('ATTACHMENT_EMPTY', 'The file is empty.');
  if (bytes.length > maxBytes)
    throw new InvalidCommandError('ATTACHMENT_TOO_LARGE', `The file has ${bytes.length} bytes; at most ${maxBytes}.`, {
      maxBytes,
    });
  const type = detectAttachmentType(bytes);
  if (!type)
    throw new InvalidCommandError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'The file is not a PDF, DOCX, OFD, PNG or JPEG by its content.',
      { allowed: ATTACHMENT_TYPES },
    );
  return KINDS[type];
}
