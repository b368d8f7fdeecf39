/**
 * The one way tests wait (ADR 37): calls `probe` until it returns a value that is not `undefined`/`false`
 * (or until it stops throwing), at most `timeoutMs`; then fails with the last value or error, named by
 * `what`. `giveUp` is asked before every probe: an Error it returns ends the wait at once (a process that
 * exited will never become ready). Never a fixed sleep: the condition is the point, the interval only
 * bounds the polling rate.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    what = 'condition',
    giveUp,
  }: { timeoutMs?: number; intervalMs?: number; what?: string; giveUp?: () => Error | undefined } = {},
): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const fatal = giveUp?.();
    if (fatal) throw fatal;
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      // Errors from Node's own realm (fetch's TypeError) are not instances of the test realm's Error.
      const detail =
        last instanceof Error || (typeof last === 'object' && last !== null && 'message' in last)
          ? String((last as Error).message)
          : JSON.stringify(last);
      throw new Error(`eventually: ${what} not met within ${timeoutMs} ms (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(intervalMs, deadline - Date.now()))));
  }
}

/**
 * Waits until the wall clock reaches `epochMs` (a deadline a workflow timer is set to): the condition is
 * the time itself, checked by `eventually`.
 */
export async function untilTime(
  epochMs: number,
  what = `the clock reaches ${new Date(epochMs).toISOString()}`,
): Promise<void> {
  await eventually(() => Date.now() >= epochMs, {
    timeoutMs: Math.max(0, epochMs - Date.now()) + 5_000,
    intervalMs: 50,
    what,
  });
}

/**
 * Holds `check` (which asserts, by throwing) for `ms`: it must pass on every poll, so "nothing more
 * happens" is watched for the whole window rather than looked at once after a pause. The first failed
 * check fails the wait. Returns the number of checks made.
 */
export async function quietFor(
  ms: number,
  check: () => unknown,
  { intervalMs = 100 }: { intervalMs?: number } = {},
): Promise<number> {
  const end = Date.now() + ms;
  let checks = 0;
  let failure: Error | undefined;
  await eventually(
    async () => {
      try {
        await check();
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        return false;
      }
      checks += 1;
      return Date.now() >= end;
    },
    { timeoutMs: ms + 60_000, intervalMs, what: `quiet for ${ms} ms`, giveUp: () => failure },
  );
  return checks;
}
