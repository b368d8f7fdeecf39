import { SignInThrottle } from './sign-in-throttle';

const MINUTE = 60_000;

function aThrottle(limits: Partial<{ maxFailures: number; maxFailuresPerClient: number }> = {}): { throttle: SignInThrottle; advance: (ms: number) => void } {
  let now = Date.UTC(2026, 11, 1, 8, 0, 0);
  const throttle = new SignInThrottle({ maxFailures: 5, maxFailuresPerClient: 50, windowMs: 15 * MINUTE, ...limits }, () => now);
  return { throttle, advance: (ms) => (now += ms) };
}

/** Five admitted attempts that fail (never `succeeded`). */
const failFiveTimes = (throttle: SignInThrottle, username: string, client: string): void => {
  for (let i = 0; i < 5; i++) expect(throttle.attempt(username, client)).toBeUndefined();
};

describe('sign-in throttle', () => {
  it('refuses the sixth attempt for a username from one address after five failures, with the seconds to wait', () => {
    const { throttle, advance } = aThrottle();
    failFiveTimes(throttle, 'drafter', '10.0.0.1');
    advance(MINUTE);
    expect(throttle.attempt('drafter', '10.0.0.1')).toBe(14 * 60);
  });

  it('leaves another username and another address alone', () => {
    const { throttle } = aThrottle();
    failFiveTimes(throttle, 'drafter', '10.0.0.1');
    expect(throttle.attempt('reviewer', '10.0.0.1')).toBeUndefined();
    expect(throttle.attempt('drafter', '10.0.0.2')).toBeUndefined();
  });

  it('admits again once the oldest failure leaves the window, and only one more before the next leaves', () => {
    const { throttle, advance } = aThrottle();
    for (let i = 0; i < 5; i++) {
      expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
      advance(MINUTE);
    }
    advance(10 * MINUTE - 1);
    expect(throttle.attempt('drafter', '10.0.0.1')).toBe(1);
    advance(1);
    expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    expect(throttle.attempt('drafter', '10.0.0.1')).toBe(60);
  });

  it('does not count refused attempts, so waiting out the window is enough', () => {
    const { throttle, advance } = aThrottle();
    failFiveTimes(throttle, 'drafter', '10.0.0.1');
    for (let i = 0; i < 14; i++) {
      advance(MINUTE);
      expect(throttle.attempt('drafter', '10.0.0.1')).toBeGreaterThan(0);
    }
    advance(MINUTE);
    expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
  });

  it('clears the username’s count for that address after a success', () => {
    const { throttle } = aThrottle();
    for (let i = 0; i < 4; i++) expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    throttle.succeeded('drafter', '10.0.0.1');
    failFiveTimes(throttle, 'drafter', '10.0.0.1');
    expect(throttle.attempt('drafter', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('caps the failures of one address across usernames, and a success does not count towards the cap', () => {
    const { throttle } = aThrottle({ maxFailuresPerClient: 8 });
    for (let i = 0; i < 7; i++) expect(throttle.attempt(`user-${i}`, '10.0.0.1')).toBeUndefined();
    expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
    throttle.succeeded('drafter', '10.0.0.1');
    expect(throttle.attempt('user-7', '10.0.0.1')).toBeUndefined();
    expect(throttle.attempt('reviewer', '10.0.0.1')).toBe(15 * 60);
    expect(throttle.attempt('reviewer', '10.0.0.9')).toBeUndefined();
  });

  it('counts attempts still in flight, so parallel guesses cannot pass the check together', () => {
    const { throttle } = aThrottle();
    const admitted = Array.from({ length: 20 }, () => throttle.attempt('drafter', '10.0.0.1')).filter((wait) => wait === undefined);
    expect(admitted).toHaveLength(5);
  });

  it('does not count an attempt that could not check the password', () => {
    const { throttle } = aThrottle();
    for (let i = 0; i < 10; i++) {
      expect(throttle.attempt('drafter', '10.0.0.1')).toBeUndefined();
      throttle.abandoned('drafter', '10.0.0.1');
    }
    failFiveTimes(throttle, 'drafter', '10.0.0.1');
  });
});
