/**
 * Serialises async update handlers inside one workflow: each step runs after the previous one has
 * appended its events, so seqs never collide. Deterministic: plain promise chaining, no timers.
 */
export function createExclusive(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}
