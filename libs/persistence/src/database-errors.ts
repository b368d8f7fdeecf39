/**
 * Whether an error means the database could not do the work right now (and did none of it), as
 * opposed to refusing this particular work: SQLite busy or locked past the busy timeout; PostgreSQL
 * connection failures, shutdowns, a database refusing connections, too many connections, lock or
 * statement timeouts, a pooled client whose connection the server closed. The caller may retry the same request later. TypeORM's QueryFailedError carries
 * the driver's error in `driverError`; pool errors arrive bare.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of [error, (error as { driverError?: unknown })?.driverError]) {
    const code = (candidate as { code?: unknown })?.code;
    if (typeof code === 'string' && (/^SQLITE_(BUSY|LOCKED)/.test(code) || PG_UNAVAILABLE.test(code))) return true;
    const message = (candidate as Error)?.message;
    if (
      typeof message === 'string' &&
      /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error/.test(
        message,
      )
    )
      return true;
  }
  return false;
}

/**
 * SQLSTATEs: class 08 connection exception; 57P01–57P03 admin/crash shutdown, cannot connect now;
 * 53300 too many connections; 55P03 lock not available; 57014 statement timeout / cancel; 55000 as
 * raised for a database that does not allow connections.
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300|55P03|57014|55000)$/;

/**
 * Whether the database refused a value of the request itself because it cannot hold the characters:
 * PostgreSQL text never holds NUL (22021 character_not_in_repertoire, raised as "invalid byte sequence
 * for encoding UTF8: 0x00") nor, in some encodings, a character it cannot translate (22P05). The work was
 * not done and repeating it cannot help: bad input (400), not an outage.
 */
export function isUnstorableCharacter(error: unknown): boolean {
  const code = ((error as { driverError?: { code?: unknown } })?.driverError ?? error) as { code?: unknown };
  return code?.code === '22021' || code?.code === '22P05';
}
