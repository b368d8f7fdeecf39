import { MemoryLimitStore } from '../../common/limits/limit-store';
import { SignInThrottle, type SignInLimits } from './sign-in-throttle';

const MINUTE = 60_000;

function aThrottle(limits: Partial<SignInLimits> = {}): { throttle: SignInThrottle; advance: (ms: number) => void } {
  let now = Date.UTC(2026, 11, 1, 8, 0, 0);
  const throttle = new SignInThrottle(
    new MemoryLimitStore(),
    { maxFailures: 5, maxFailuresPerClient: 50, maxFailuresPerAccount: 20, windowMs: 15 * MINUTE, ...limits },
    () => now,
  );
  return { throttle, advance: (ms) => (now += ms) };
}

/** Admitted attempts that fail (never `succeeded`). */
const fail = async (throttle: SignInThrottle, username: string, client: string, times = 5): Promise<void> => {
  for (let i = 0; i < times; i++) expect(await throttle.attempt(username, client)).toBeUndefined();
};

describe('sign-in throttle', () => {
  it('refuses the sixth attempt for a username from one address after five failures, with the seconds until one more is allowed', async () => {
    const { throttle, advance } = aThrottle();
    await fail(throttle, 'drafter', '10.0.0.1');
    advance(MINUTE);
    expect(await throttle.attempt('drafter', '10.0.0.1')).toEqual({ retryAfterSeconds: 2 * 60, accountLocked: false });
  });

  it('leaves another username and another address alone', async () => {
    const { throttle } = aThrottle();
    await fail(throttle, 'drafter', '10.0.0.1');
    expect(await throttle.attempt('reviewer', '10.0.0.1')).toBeUndefined();
    expect(await throttle.attempt('drafter', '10.0.0.2')).toBeUndefined();
  });

  it('admits one more each window ÷ limit (five per fifteen minutes sustained), and refused attempts do not count', async () => {
    const { throttle, advance } = aThrottle();
    await fail(throttle, 'drafter', '10.0.0.1');
    for (let i = 0; i < 10; i++) expect(await throttle.attempt('drafter', '10.0.0.1')).toBeDefined();
    advance(3 * MINUTE);
    expect(await throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    expect(await throttle.attempt('drafter', '10.0.0.1')).toEqual({ retryAfterSeconds: 3 * 60, accountLocked: false });
  });

  it('clears the username’s count for that address after a success', async () => {
    const { throttle } = aThrottle();
    await fail(throttle, 'drafter', '10.0.0.1', 4);
    expect(await throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    await throttle.succeeded('drafter', '10.0.0.1');
    await fail(throttle, 'drafter', '10.0.0.1');
    expect(await throttle.attempt('drafter', '10.0.0.1')).toBeDefined();
  });

  it('caps the failures of one address across usernames', async () => {
    const { throttle } = aThrottle({ maxFailuresPerClient: 8 });
    for (let i = 0; i < 8; i++) expect(await throttle.attempt(`user-${i}`, '10.0.0.1')).toBeUndefined();
    expect(await throttle.attempt('reviewer', '10.0.0.1')).toMatchObject({ accountLocked: false });
    expect(await throttle.attempt('reviewer', '10.0.0.9')).toBeUndefined();
  });

  it('holds a guess spread over many addresses by the username’s own budget, shows the lockout and lets an administrator end it', async () => {
    const { throttle } = aThrottle();
    for (let client = 1; client <= 30; client++) {
      for (let i = 0; i < 5; i++) await throttle.attempt('manager', `10.0.1.${client}`);
    }
    expect(await throttle.attempt('manager', '10.0.2.1')).toEqual({ retryAfterSeconds: 45, accountLocked: true });
    expect(await throttle.lockedUntil('manager')).toEqual(expect.any(Date));
    expect(await throttle.lockedUntil('drafter')).toBeUndefined();
    await throttle.unlock('manager');
    expect(await throttle.lockedUntil('manager')).toBeUndefined();
    expect(await throttle.attempt('manager', '10.0.2.1')).toBeUndefined();
  });

  it('counts attempts still in flight, so parallel guesses cannot pass the check together', async () => {
    const { throttle } = aThrottle();
    const answers = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt('drafter', '10.0.0.1')));
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(5);
  });

  it('does not count an attempt that could not check the password', async () => {
    const { throttle } = aThrottle();
    for (let i = 0; i < 10; i++) {
      expect(await throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
      await throttle.abandoned('drafter', '10.0.0.1');
    }
    await fail(throttle, 'drafter', '10.0.0.1');
  });
});
