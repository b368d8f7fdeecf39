import { createHash } from 'node:crypto';
import { DomainError } from '../../../../libs/domain/src';

/** A file part of a multipart body: its bytes stay out of the parsed body (see {@link uploadedFile}). */
export interface UploadedFile {
  /** The name the browser sent (the client's claim: shown, never trusted for the type). */
  filename: string;
  bytes: Buffer;
}

/** What a file field shows in the parsed body: enough to tell one upload from another (idempotency). */
export interface UploadedFileRef {
  filename: string;
  size: number;
  sha256: string;
}

const FILES = new WeakMap<object, Map<string, UploadedFile>>();
/** Parts of one body at most: a console form has a handful. */
const MAX_PARTS = 32;
const MAX_FIELD_CHARS = 100_000;

const malformed = (why: string): DomainError =>
  new DomainError('MALFORMED_REQUEST', 'malformed', `The multipart/form-data body is malformed: ${why}.`);

/** The `boundary` parameter of a `multipart/form-data` Content-Type (RFC 7578), or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** A parameter of a Content-Disposition header: `filename*` (RFC 5987) wins over `filename`. */
function dispositionParameter(header: string, name: string): string | undefined {
  const extended = new RegExp(`;\\s*${name}\\*=UTF-8''([^;]*)`, 'i').exec(header)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      throw malformed(`${name}* is not valid percent-encoded UTF-8`);
    }
  }
  const quoted = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1').replace(/%22/g, '"');
  return new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header)?.[1];
}

/**
 * Parses a `multipart/form-data` body (RFC 7578) into its text fields, with each file field as an
 * {@link UploadedFileRef}; the bytes are reached with {@link uploadedFile}. A repeated text field keeps
 * the last value. Throws MALFORMED_REQUEST (400) for anything that is not a well-formed body. Pure.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): Record<string, unknown> {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw malformed('no boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('no part');
  at += delimiter.length;
  for (let parts = 0; ; parts++) {
    if (body.subarray(at, at + 2).toString('latin1') === '--') break;
    if (parts >= MAX_PARTS) throw malformed(`more than ${MAX_PARTS} parts`);
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') throw malformed('a boundary without CRLF');
    const headersEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headersEnd < 0) throw malformed('a part without headers');
    const headers = body
      .subarray(at + 2, headersEnd)
      .toString('utf8')
      .split('\r\n');
    const contentEnd = body.indexOf(next, headersEnd + 4);
    if (contentEnd < 0) throw malformed('a part without its closing boundary');
    const content = body.subarray(headersEnd + 4, contentEnd);
    at = contentEnd + next.length;
    const disposition = headers.find((line) => /^content-disposition:/i.test(line));
    const name =
      disposition && /^content-disposition:\s*form-data/i.test(disposition)
        ? dispositionParameter(disposition, 'name')
        : undefined;
    if (!name) throw malformed('a part without a form-data name');
    const filename = dispositionParameter(disposition!, 'filename');
    if (filename === undefined) {
      const value = content.toString('utf8');
      if (value.length > MAX_FIELD_CHARS) throw malformed(`the field ${name.slice(0, 64)} is too long`);
      fields[name] = value;
    } else if (filename !== '' || content.length > 0) {
      // A file input left empty sends a part with an empty filename and no bytes: no file.
      const bytes = Buffer.from(content);
      files.set(name, { filename, bytes });
      const ref: UploadedFileRef = {
        filename,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
      fields[name] = ref;
    }
  }
  FILES.set(fields, files);
  return fields;
}

/** The file uploaded in field `name` of a body {@link parseMultipart} made, or undefined. */
export function uploadedFile(body: unknown, name: string): UploadedFile | undefined {
  return typeof body === 'object' && body !== null ? FILES.get(body)?.get(name) : undefined;
}
