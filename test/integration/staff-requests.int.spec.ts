import type { DataSource } from 'typeorm';
import type { StaffActor } from '../../libs/domain/src';
import {
  createUnit,
  findStaffRequest,
  reserveStaffRequest,
  StaffRequestAppliedError,
  withStaffRequest,
} from '../../libs/persistence/src';
import { databaseKinds } from '../support/databases';
import { useTestDatabase } from '../support/fixtures';

const admin: StaffActor = { accountId: 'acc-admin', username: 'admin', unit: 'unit-a', role: 'admin' };
const now = new Date('2026-12-04T00:00:00.000Z');

async function unitsNamed(dataSource: DataSource, name: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*) AS n FROM units WHERE name = '${name}'`)) as [
    { n: string | number },
  ];
  return Number(row.n);
}

/** Issue 12, ADR 26: a database write under an Idempotency-Key claims the key in its own transaction. */
describe.each(databaseKinds())('staff requests claimed by their write transaction on %s', (kind) => {
  const fixture = useTestDatabase(kind);

  it('claims the key with the write, rolls back a second write under it, and answers the stored result instead', async () => {
    const { dataSource } = fixture;
    const key = `${admin.accountId}:unit-1`;
    const reserved = await reserveStaffRequest(dataSource, key, 'hash-1', 'reserved-1', now);
    expect(await reserveStaffRequest(dataSource, key, 'hash-2', 'reserved-2', now)).toEqual(reserved); // the first reservation stays
    const unit = { id: 'u-idem', name: '幂等局', nameEn: 'Idempotency Bureau' };
    const first = await withStaffRequest({ key, claimed: false, deadline: Date.now() + 10_000 }, () =>
      createUnit(dataSource, unit, admin, now),
    );
    expect(await findStaffRequest(dataSource, key)).toMatchObject({
      applied: true,
      written: JSON.stringify({ value: first }),
    });

    // A concurrent attempt that ran its write anyway: the claim fails and the write rolls back.
    const other = { id: 'u-idem-2', name: '幂等局', nameEn: 'Idempotency Bureau' };
    await expect(
      withStaffRequest({ key, claimed: false, deadline: Date.now() + 10_000 }, () =>
        createUnit(dataSource, other, admin, now),
      ),
    ).rejects.toBeInstanceOf(StaffRequestAppliedError);
    expect(await unitsNamed(dataSource, '幂等局')).toBe(1);

    // A retry after the first attempt died: the write is not run, its stored result answers.
    const written = JSON.parse((await findStaffRequest(dataSource, key))!.written!) as { value: unknown };
    const retried = await withStaffRequest({ key, claimed: false, deadline: Date.now() + 10_000, written }, () =>
      createUnit(dataSource, other, admin, now),
    );
    expect(retried).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await unitsNamed(dataSource, '幂等局')).toBe(1);
  });
});
