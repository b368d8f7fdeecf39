import { eventually, quietFor, untilTime } from './eventually';

describe('eventually', () => {
  it('returns the first value that is neither undefined nor false', async () => {
    let calls = 0;
    await expect(eventually(() => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('keeps polling while the probe throws and reports the last error when time runs out', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 30, intervalMs: 5, what: 'the answer' },
      ),
    ).rejects.toThrow(/the answer not met within 30 ms \(last: not yet\)/);
  });
});

describe('eventually: giveUp, untilTime, quietFor', () => {
  it('ends the wait at once with the error giveUp returns', async () => {
    const started = Date.now();
    await expect(
      eventually(() => false, { timeoutMs: 10_000, intervalMs: 5, giveUp: () => new Error('the process exited') }),
    ).rejects.toThrow('the process exited');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('untilTime returns once the clock has reached the instant', async () => {
    const target = Date.now() + 120;
    await untilTime(target);
    expect(Date.now()).toBeGreaterThanOrEqual(target);
  });

  it('quietFor passes when every check passes for the whole window, and fails on the first failed check', async () => {
    const started = Date.now();
    const checks = await quietFor(150, () => expect(1).toBe(1), { intervalMs: 10 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(checks).toBeGreaterThanOrEqual(2);
    let calls = 0;
    await expect(quietFor(10_000, () => expect(++calls).toBeLessThan(3), { intervalMs: 5 })).rejects.toThrow();
    expect(calls).toBe(3);
  });
});
