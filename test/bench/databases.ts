import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { openDatabase, seedDemoAccounts, type DatabaseConfig } from '../../libs/persistence/src';

/** A throwaway app database, migrated, with the demo accounts; `drop()` removes it. */
export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  /** The DATABASE_URL of the app processes. */
  url: string;
  drop(): Promise<void>;
}

/**
 * SQLite: a file in a fresh temp folder. PostgreSQL: `CREATE DATABASE od_bench_<random>` on the server of
 * `adminUrl` (BENCH_DATABASE_URL), dropped WITH (FORCE) at the end.
 */
export async function createBenchDatabase(
  kind: 'sqlite' | 'postgres',
  password: string,
  adminUrl?: string,
): Promise<BenchDatabase> {
  let database: BenchDatabase;
  let config: DatabaseConfig;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'od-bench-db-'));
    const file = join(dir, 'app.db');
    config = { kind, file };
    database = { kind, url: file, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  } else {
    if (!adminUrl) throw new Error('BENCH_DATABASE_URL is not set');
    const name = `od_bench_${randomBytes(6).toString('hex')}`;
    await withPg(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { kind, url: url.toString(), poolSize: 2 };
    database = {
      kind,
      url: url.toString(),
      drop: () =>
        withPg(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
          () => undefined,
        ),
    };
  }
  try {
    const dataSource = await openDatabase(config, { migrate: true });
    try {
      await seedDemoAccounts(dataSource, password, new Date());
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

async function withPg<T>(url: string, use: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
