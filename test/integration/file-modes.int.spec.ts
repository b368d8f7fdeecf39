import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, protectDataDirectory } from '../../libs/persistence/src';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Issue 13: `data/` was world-readable and the SQLite file with it (password hashes, raw contact data). */
describe('files of the data directory are the owner’s alone', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'od-modes-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the data directory 0700 and tightens an existing world-readable one', () => {
    const fresh = join(dir, 'data');
    protectDataDirectory(fresh);
    expect(modeOf(fresh)).toBe(0o700);
    chmodSync(fresh, 0o755);
    protectDataDirectory(fresh);
    expect(modeOf(fresh)).toBe(0o700);
  });

  it('creates a new SQLite database, its WAL and shared-memory files 0600 whatever the umask', async () => {
    const file = join(dir, 'open-decision.db');
    const previous = process.umask(0o022);
    try {
      const dataSource = await openDatabase({ kind: 'sqlite', file }, { migrate: true });
      await dataSource.query('SELECT 1');
      expect({ db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).toEqual({
        db: 0o600,
        wal: 0o600,
        shm: 0o600,
      });
      await dataSource.destroy();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing world-readable database file and its companions when it is opened', async () => {
    const file = join(dir, 'old.db');
    const first = await openDatabase({ kind: 'sqlite', file }, { migrate: true });
    await first.destroy();
    writeFileSync(`${file}-journal`, '');
    for (const path of [file, `${file}-journal`]) chmodSync(path, 0o644);
    const dataSource = await openDatabase({ kind: 'sqlite', file }, { migrate: false });
    expect({ db: modeOf(file), journal: modeOf(`${file}-journal`) }).toEqual({ db: 0o600, journal: 0o600 });
    await dataSource.destroy();
  });
});
