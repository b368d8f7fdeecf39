import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first value that is neither undefined nor false', async () => {
    let calls = 0;
    await expect(eventually(() => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('keeps polling while the probe throws and reports the last error when time runs out', async () => {
    await expect(
      eventually(() => { throw new Error('not yet'); }, { timeoutMs: 30, intervalMs: 5, what: 'the answer' }),
    ).rejects.toThrow(/the answer not met within 30 ms \(last: not yet\)/);
  });
});
