import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { openDatabase, type DatabaseConfig } from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  config: DatabaseConfig;
  /** The DATABASE_URL form, for app processes. */
  url: string;
  drop(): Promise<void>;
}

/**
 * The databases integration tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it and fails when PostgreSQL does not answer). Use with `describe.each(databaseKinds())`.
 */
export function databaseKinds(): Array<'sqlite' | 'postgres'> {
  return process.env['TEST_DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database of the given kind; `drop()` removes it. */
export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'od-db-'));
    const file = join(dir, 'app.db');
    return {
      name: kind,
      config: { kind, file },
      url: file,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const base = new URL(process.env['TEST_DATABASE_URL'] ?? '');
  const name = `od_t_${randomBytes(6).toString('hex')}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name: kind,
    config: { kind, url: url.toString(), poolSize: 5 },
    url: url.toString(),
    async drop() {
      const client = new PgClient({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh database with the schema migrated, and its data source. */
export async function openTestDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase(kind);
  const dataSource = await openDatabase(db.config, { migrate: true });
  return { db, dataSource };
}
