import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Owner read/write only: the SQLite file holds password hashes and citizens' raw contact data. */
export const DATABASE_FILE_MODE = 0o600;
/** Owner only: the data directory holds the database, the Temporal history and the secrets. */
export const DATA_DIR_MODE = 0o700;

/**
 * Makes sure a SQLite database file exists with mode 0600 before SQLite opens it, and tightens an
 * existing file (and its `-wal`, `-shm`, `-journal` companions) from an older, world-readable install.
 * SQLite creates its companion files with the main file's mode, so they follow. In-memory databases
 * (`:memory:`, empty name) have no file.
 */
export function protectDatabaseFile(file: string): void {
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', DATABASE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, DATABASE_FILE_MODE);
  }
}

/** Creates the data directory (and parents) if missing and sets it to 0700 whether new or not. */
export function protectDataDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
  chmodSync(dir, DATA_DIR_MODE);
}
