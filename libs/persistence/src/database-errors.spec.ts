import { isDatabaseUnavailable } from './database-errors';

const coded = (code: string): Error => Object.assign(new Error(code), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises SQLite busy and locked, also wrapped as TypeORM does', () => {
    expect(isDatabaseUnavailable(coded('SQLITE_BUSY'))).toBe(true);
    expect(isDatabaseUnavailable(coded('SQLITE_LOCKED_SHAREDCACHE'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: coded('SQLITE_BUSY_SNAPSHOT') })),
    ).toBe(true);
  });

  it('recognises PostgreSQL connection failures, shutdowns and timeouts', () => {
    for (const code of ['08006', '57P01', '57P03', '53300', '55P03', '57014', '55000'])
      expect(isDatabaseUnavailable(coded(code))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // pg's pooled client whose connection the server closed (pg_terminate_backend), reused before the pool saw it.
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
  });

  it('leaves errors about the work itself alone: unique violations, constraint failures, anything else', () => {
    for (const error of [coded('23505'), coded('SQLITE_CONSTRAINT_UNIQUE'), new Error('boom'), undefined, 'text'])
      expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
