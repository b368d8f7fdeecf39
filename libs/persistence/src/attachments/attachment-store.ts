import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/** A stored file's address: the lowercase hex sha256 of its bytes, and its size. */
export interface StoredAttachment {
  sha256: string;
  size: number;
}

/**
 * Content-addressed bytes of attachments (issue 17 item 1, ADR 74): a file is stored once under the
 * sha256 of its bytes, whoever attaches it and however often; the same bytes give the same address, so a
 * hash published in the log names exactly one content. Nothing is ever overwritten or deleted here.
 * Trap: the store checks nothing about the content — `checkAttachment` (libs/domain) does, before `put`.
 */
export interface AttachmentStore {
  put(bytes: Uint8Array): Promise<StoredAttachment>;
  /** The bytes stored under `sha256`, or undefined; bytes that no longer hash to it are refused (`AttachmentCorruptError`). */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

/** Stored bytes that no longer hash to their address: a damaged disk or a hand edit, never served. */
export class AttachmentCorruptError extends Error {
  constructor(readonly sha256: string) {
    super(`The attachment stored under ${sha256} no longer has that hash.`);
    this.name = 'AttachmentCorruptError';
  }
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const ADDRESS = /^[0-9a-f]{64}$/;

function verified(sha256: string, bytes: Buffer): Buffer {
  if (sha256Of(bytes) !== sha256) throw new AttachmentCorruptError(sha256);
  return bytes;
}

/** In the app database, table `attachment_blobs` (both dialects). */
export class DatabaseAttachmentStore implements AttachmentStore {
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async put(bytes: Uint8Array): Promise<StoredAttachment> {
    const stored = { sha256: sha256Of(bytes), size: bytes.length };
    const [h, s, c, t] = this.postgres ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
    await this.dataSource.query(
      `INSERT INTO attachment_blobs (sha256, size, content, stored_at) VALUES (${h}, ${s}, ${c}, ${t})
       ON CONFLICT (sha256) DO NOTHING`,
      [stored.sha256, stored.size, Buffer.from(bytes), new Date().toISOString()],
    );
    return stored;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!ADDRESS.test(sha256)) return undefined;
    const rows = await this.dataSource.query<Array<{ content: Buffer }>>(
      `SELECT content FROM attachment_blobs WHERE sha256 = ${this.postgres ? '$1' : '?'}`,
      [sha256],
    );
    const content = rows[0]?.content;
    return content === undefined ? undefined : verified(sha256, Buffer.from(content));
  }

  async has(sha256: string): Promise<boolean> {
    if (!ADDRESS.test(sha256)) return false;
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM attachment_blobs WHERE sha256 = ${this.postgres ? '$1' : '?'}`,
      [sha256],
    );
    return rows.length > 0;
  }
}

/**
 * In a directory: `<root>/<first two hex digits>/<sha256>`, written to a temporary name and renamed, so a
 * reader never sees half a file and two writers of the same bytes both succeed. Files are mode 0640.
 */
export class DirectoryAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredAttachment> {
    const stored = { sha256: sha256Of(bytes), size: bytes.length };
    if (await this.has(stored.sha256)) return stored;
    const path = this.pathOf(stored.sha256);
    await mkdir(join(this.root, stored.sha256.slice(0, 2)), { recursive: true, mode: 0o750 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o640, flag: 'wx', flush: true });
    await rename(temporary, path);
    return stored;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!ADDRESS.test(sha256)) return undefined;
    try {
      return verified(sha256, await readFile(this.pathOf(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!ADDRESS.test(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }
}

/**
 * The store a setting names: `database` (the default: the app database) or `directory:<path>`.
 * Throws on anything else, so a misspelt setting fails at start.
 */
export function openAttachmentStore(dataSource: DataSource, setting = 'database'): AttachmentStore {
  if (setting === 'database') return new DatabaseAttachmentStore(dataSource);
  const directory = /^directory:(.+)$/.exec(setting)?.[1];
  if (directory) return new DirectoryAttachmentStore(directory);
  throw new Error(`ATTACHMENT_STORE must be "database" or "directory:<path>", not "${setting}".`);
}
