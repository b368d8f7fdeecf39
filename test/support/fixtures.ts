import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { openTestDatabase, type TestDatabase } from './databases';
import { startWorker, testClient, uniqueTaskQueue, type RunningWorker } from './temporal';

// Jest fixtures (they register beforeAll/afterAll hooks): test files only, never the benchmarks.

/**
 * For a describe block: a fresh migrated database of `kind`, opened before the tests and dropped
 * after. Read `fixture.dataSource` inside tests.
 */
export function useTestDatabase(kind: 'sqlite' | 'postgres'): { dataSource: DataSource } {
  const fixture = {} as { dataSource: DataSource; db: TestDatabase };
  beforeAll(async () => {
    const opened = await openTestDatabase(kind);
    fixture.db = opened.db;
    fixture.dataSource = opened.dataSource;
  });
  afterAll(async () => {
    await fixture.dataSource.destroy();
    await fixture.db.drop();
  });
  return fixture;
}

export interface WorkerFixture {
  taskQueue: string;
  dataSource: DataSource;
  client: Client;
}

/**
 * For a describe block: a fresh migrated database of `kind`, a Temporal client and a real worker on
 * its own task queue, started before the tests and torn down after. Read the fields inside tests.
 */
export function useWorkerFixture(kind: 'sqlite' | 'postgres', prefix: string): WorkerFixture {
  const fixture = { taskQueue: uniqueTaskQueue(prefix) } as WorkerFixture;
  let db: TestDatabase;
  let worker: RunningWorker;
  beforeAll(async () => {
    ({ db, dataSource: fixture.dataSource } = await openTestDatabase(kind));
    fixture.client = await testClient();
    worker = await startWorker(fixture.dataSource, fixture.taskQueue);
  });
  afterAll(async () => {
    await worker.stop();
    await fixture.client.connection.close();
    await fixture.dataSource.destroy();
    await db.drop();
  });
  return fixture;
}
