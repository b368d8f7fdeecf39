import { GENESIS_HASH, verifyChain } from '../../libs/domain/src';
import { appendEvents, findPublicDecision, findPublicTimeline, sha256Hex } from '../../libs/persistence/src';
import type { DataSource } from 'typeorm';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';
import { at, progress, registration } from '../support/log-steps';

describe.each(databaseKinds())('the event log on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('chains entries by hash from the genesis hash and keeps the read model in step', async () => {
    await appendEvents(dataSource, 'chain', registration());
    await appendEvents(dataSource, 'chain', progress(2, 40));
    await appendEvents(dataSource, 'chain', progress(3, 70));
    const entries = (await findPublicTimeline(dataSource, 'chain')) ?? [];
    expect(entries.map((e) => [e.seq, e.type])).toEqual([
      [1, 'DecisionRegistered'],
      [2, 'ProgressReported'],
      [3, 'ProgressReported'],
    ]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(verifyChain('chain', entries, sha256Hex)).toEqual({ ok: true, head: { seq: 3, hash: entries[2]?.hash } });
    expect(await findPublicDecision(dataSource, 'chain')).toMatchObject({
      title: '城市更新',
      stage: 'drafting',
      updatedAt: at(3),
    });
  });

  it('treats a re-append of the same step as a retry: no second row, same hash', async () => {
    await appendEvents(dataSource, 'retry', registration());
    const before = await findPublicTimeline(dataSource, 'retry');
    await appendEvents(dataSource, 'retry', registration());
    await appendEvents(dataSource, 'retry', registration());
    expect(await findPublicTimeline(dataSource, 'retry')).toEqual(before);
    const [{ count }] = (await dataSource.query(
      `SELECT count(*) AS count FROM internal_events WHERE decision_id = 'retry'`,
    )) as [{ count: string | number }];
    expect(Number(count)).toBe(1);
  });

  it('keeps the stored step when the same step comes again at a later time, as after a worker died past its append', async () => {
    await appendEvents(dataSource, 'redelivered', registration());
    await appendEvents(dataSource, 'redelivered', progress(2, 10));
    const before = await findPublicTimeline(dataSource, 'redelivered');
    const again = progress(2, 10);
    const later = <E extends { occurredAt: string }>(e: E): E => ({ ...e, occurredAt: at(9) });
    await appendEvents(dataSource, 'redelivered', {
      public: again.public.map(later),
      internal: again.internal.map(later),
    });
    expect(await findPublicTimeline(dataSource, 'redelivered')).toEqual(before);
    await appendEvents(dataSource, 'redelivered', progress(3, 20)); // the chain goes on from the stored entry
    expect(
      verifyChain('redelivered', (await findPublicTimeline(dataSource, 'redelivered')) ?? [], sha256Hex),
    ).toMatchObject({ ok: true, head: { seq: 3 } });
  });

  it('refuses a different entry under a stored seq, non-retryably, and changes nothing', async () => {
    await appendEvents(dataSource, 'conflict', registration());
    await appendEvents(dataSource, 'conflict', progress(2, 10));
    const before = await findPublicTimeline(dataSource, 'conflict');
    await expect(appendEvents(dataSource, 'conflict', progress(2, 11))).rejects.toMatchObject({
      name: 'LogConflictError',
      code: 'LOG_CONFLICT',
    });
    expect(await findPublicTimeline(dataSource, 'conflict')).toEqual(before);
  });

  it('refuses an entry that would leave a gap in the chain', async () => {
    await appendEvents(dataSource, 'gap', registration());
    await expect(appendEvents(dataSource, 'gap', progress(3, 10))).rejects.toMatchObject({ name: 'LogConflictError' });
    expect((await findPublicTimeline(dataSource, 'gap'))?.map((e) => e.seq)).toEqual([1]);
  });

  it('writes both logs in one transaction: a failing internal append leaves no public entry', async () => {
    await appendEvents(dataSource, 'atomic', registration());
    const step = progress(2, 50);
    step.internal[0] = { ...step.internal[0]!, seq: 5 };
    await expect(appendEvents(dataSource, 'atomic', step)).rejects.toMatchObject({ name: 'LogConflictError' });
    expect((await findPublicTimeline(dataSource, 'atomic'))?.map((e) => e.seq)).toEqual([1]);
  });

  it.each(['public_events', 'internal_events'])('the database refuses UPDATE and DELETE on %s', async (table) => {
    await appendEvents(dataSource, `immutable-${table}`, registration());
    const where = `WHERE decision_id = 'immutable-${table}'`;
    await expect(dataSource.query(`UPDATE ${table} SET data = '{}' ${where}`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM ${table} ${where}`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    const rows = (await dataSource.query(`SELECT data FROM ${table} ${where}`)) as Array<{ data: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).not.toBe('{}');
  });

  if (kind === 'postgres') {
    it('the database refuses TRUNCATE of the logs', async () => {
      await expect(dataSource.query('TRUNCATE public_events')).rejects.toThrow(/append-only/);
    });
  }
});

describe.each(databaseKinds())('concurrent appends in one process on %s', (kind) => {
  const fixture = useTestDatabase(kind);
  let dataSource: DataSource;
  beforeAll(() => ({ dataSource } = fixture));

  it('keeps every transaction whole: 30 decisions appended at once each get their log and read model', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `concurrent-${i}`);
    await Promise.all(ids.map((id) => appendEvents(dataSource, id, registration())));
    await Promise.all(ids.flatMap((id) => [appendEvents(dataSource, id, progress(2, 10))]));
    for (const id of ids) {
      expect((await findPublicTimeline(dataSource, id))?.map((e) => e.seq)).toEqual([1, 2]);
      expect(await findPublicDecision(dataSource, id)).toMatchObject({ updatedAt: at(2) });
    }
  });

  it('rolls back only the failing transaction when others run at the same time', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `rollback-${i}`);
    await Promise.all(ids.map((id) => appendEvents(dataSource, id, registration())));
    const results = await Promise.allSettled(
      ids.map((id, i) => {
        const step = progress(2, 20);
        if (i % 2 === 0) step.internal[0] = { ...step.internal[0]!, seq: 7 }; // a gap: must fail and roll back
        return appendEvents(dataSource, id, step);
      }),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i % 2 === 0 ? 'rejected' : 'fulfilled')));
    for (const [i, id] of ids.entries()) {
      expect((await findPublicTimeline(dataSource, id))?.map((e) => e.seq)).toEqual(i % 2 === 0 ? [1] : [1, 2]);
    }
  });
});
