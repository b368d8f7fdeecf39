import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAttachment } from '../../libs/domain/src';
import {
  AttachmentCorruptError,
  type AttachmentStore,
  DatabaseAttachmentStore,
  DirectoryAttachmentStore,
  openAttachmentStore,
  sha256Of,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('关于调整公共停车收费的决定（征求意见稿）'),
  Buffer.alloc(70_000, 7),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** The same checks for every place the bytes can live. */
function checksOf(storeOf: () => AttachmentStore): void {
  it('stores bytes under their sha256 and gives back exactly those bytes', async () => {
    const store = storeOf();
    expect(checkAttachment(PDF).type).toBe('pdf');
    const stored = await store.put(PDF);
    expect(stored).toEqual({ sha256: sha256Of(PDF), size: PDF.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.compare((await store.get(stored.sha256))!, PDF)).toBe(0);
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it('stores the same content once, however often and however concurrently it is put', async () => {
    const store = storeOf();
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(PNG)));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(Buffer.compare((await store.get(sha256Of(PNG)))!, PNG)).toBe(0);
  });

  it('answers nothing for an unknown or malformed address', async () => {
    const store = storeOf();
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(await store.has('0'.repeat(64))).toBe(false);
    for (const bad of ['../../etc/passwd', `${sha256Of(PNG)}x`, sha256Of(PNG).toUpperCase(), "' OR 1=1 --"]) {
      expect(await store.get(bad)).toBeUndefined();
      expect(await store.has(bad)).toBe(false);
    }
  });
}

describe.each(databaseKinds())('attachment store in the app database on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  checksOf(() => new DatabaseAttachmentStore(fixture.dataSource));

  it('is the store of the default setting, and refuses bytes that no longer match their address', async () => {
    const store = openAttachmentStore(fixture.dataSource);
    expect(store).toBeInstanceOf(DatabaseAttachmentStore);
    const { sha256 } = await store.put(Buffer.from('%PDF-1.4 将被篡改'));
    const update =
      kind === 'postgres'
        ? 'UPDATE attachment_blobs SET content = $1 WHERE sha256 = $2'
        : 'UPDATE attachment_blobs SET content = ? WHERE sha256 = ?';
    await fixture.dataSource.query(update, [Buffer.from('%PDF-1.4 已被篡改'), sha256]);
    await expect(store.get(sha256)).rejects.toBeInstanceOf(AttachmentCorruptError);
  });
});

describe('attachment store in a directory', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'od-attachments-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  checksOf(() => new DirectoryAttachmentStore(root));

  it('lays files out by address, readable by owner and group only, with no temporary file left', async () => {
    const store = openAttachmentStore(undefined as never, `directory:${root}`);
    const { sha256 } = await store.put(PDF);
    const path = join(root, sha256.slice(0, 2), sha256);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    writeFileSync(path, Buffer.from('%PDF-1.7 篡改'));
    await expect(store.get(sha256)).rejects.toBeInstanceOf(AttachmentCorruptError);
  });

  it('refuses a setting it does not know', () => {
    expect(() => openAttachmentStore(undefined as never, 's3://bucket')).toThrow(/ATTACHMENT_STORE/);
  });
});
