import type { DataSource } from 'typeorm';
import {
  appendEvents,
  findPublicTimeline,
  openDatabase,
  PublicTimelineCache,
  timelineBody,
} from '../../libs/persistence/src';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { progress, registration } from '../support/log-steps';

/** Registration first, then progress reports: the steps of one decision's log. */
const step = (seq: number) => (seq === 1 ? registration() : progress(seq, seq * 10));

/** What the database says now, serialized as the gateway serves it. */
async function current(dataSource: DataSource, id: string) {
  const entries = await findPublicTimeline(dataSource, id);
  return entries && timelineBody(entries);
}

/*
 * The gateway's timeline cache (ADR 0126) against real databases: the appends come through a second data
 * source — another process's connection, as the worker's is — and every read must equal the database's.
 */
describe.each(databaseKinds())('the public timeline cache on %s', (kind) => {
  let db: TestDatabase;
  let gateway: DataSource;
  let worker: DataSource;
  let cache: PublicTimelineCache;
  beforeAll(async () => {
    ({ db, dataSource: gateway } = await openTestDatabase(kind));
    worker = await openDatabase(db.config, { migrate: false });
    cache = PublicTimelineCache.open(gateway, { maxBytes: 1024 * 1024 });
    await eventually(() => cache.active, { what: 'the cache is active (PostgreSQL: listening)' });
  });
  afterAll(async () => {
    cache?.close();
    await worker?.destroy();
    await gateway?.destroy();
    await db?.drop();
  });

  it('serves every change another connection commits, and nothing for a decision that is not public', async () => {
    expect(await cache.read('c-1')).toBeUndefined();
    expect(await cache.tag('c-1')).toBeUndefined();
    await appendEvents(worker, 'c-1', step(1));
    // PostgreSQL: the insert's notification may still be on its way; the answer is never older than it.
    await eventually(async () => (await cache.read('c-1'))?.tag === (await current(worker, 'c-1'))?.tag, {
      what: 'the first entry is served',
    });
    for (let seq = 2; seq <= 6; seq += 1) {
      const before = await cache.read('c-1');
      expect(await cache.read('c-1')).toBe(before); // kept: the same answer, not read again
      await appendEvents(worker, 'c-1', step(seq));
      const expected = await current(worker, 'c-1');
      await eventually(async () => (await cache.read('c-1'))?.body === expected?.body, {
        what: `entry ${seq} is served`,
      });
      expect(await cache.tag('c-1')).toBe(expected?.tag);
    }
    expect(JSON.parse((await cache.read('c-1'))!.body).entries).toHaveLength(6);
  });

  it('stops serving a decision as soon as it is no longer public', async () => {
    await appendEvents(worker, 'c-2', step(1));
    await eventually(async () => (await cache.read('c-2')) !== undefined, { what: 'c-2 is served' });
    await worker.query(
      `UPDATE decisions SET public_visible = ${kind === 'postgres' ? 'false' : '0'} WHERE id = '${'c-2'}'`,
    );
    await eventually(async () => (await cache.read('c-2')) === undefined, { what: 'c-2 is no longer served' });
    expect(await cache.tag('c-2')).toBeUndefined();
  });

  it('keeps no more than its budget', async () => {
    const small = PublicTimelineCache.open(gateway, { maxBytes: 8192 });
    try {
      await eventually(() => small.active, { what: 'the small cache is active' });
      const { entries } = small as unknown as { entries: Map<string, unknown> };
      for (let n = 0; n < 8; n += 1) {
        await appendEvents(worker, `b-${n}`, step(1));
        // PostgreSQL: a read that its append's notification crossed is served but not kept; read until kept.
        await eventually(async () => (await small.read(`b-${n}`)) !== undefined && entries.has(`b-${n}`), {
          what: `b-${n} is served and kept`,
        });
      }
      const { bytes } = small as unknown as { bytes: number };
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(8192);
      // Eight bodies of ~1.2 KB do not fit in 8 KB: the oldest went first.
      expect(entries.size).toBeLessThan(8);
      expect(entries.has('b-7')).toBe(true);
      expect(entries.has('b-0')).toBe(false);
    } finally {
      small.close();
    }
  });

  if (kind === 'postgres')
    it('reads from the database while its notification connection is down, and listens again', async () => {
      await appendEvents(worker, 'c-3', step(1));
      await eventually(async () => (await cache.read('c-3')) !== undefined, { what: 'c-3 is served' });
      // Cut every listening connection of this database (what a PostgreSQL restart or a network cut does).
      await worker.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      );
      await eventually(() => !cache.active, { what: 'the cache notices the lost connection' });
      await appendEvents(worker, 'c-3', step(2));
      // While it is down, every read goes to the database: the new entry is there at once.
      if (!cache.active) expect((await cache.read('c-3'))?.tag).toBe((await current(worker, 'c-3'))?.tag);
      await eventually(() => cache.active, { timeoutMs: 60_000, what: 'the cache listens again' });
      await appendEvents(worker, 'c-3', step(3));
      const expected = await current(worker, 'c-3');
      await eventually(async () => (await cache.read('c-3'))?.body === expected?.body, { what: 'entry 3 is served' });
    });
});
