import {
  cookieOptions,
  csrfMatches,
  csrfToken,
  safeReturnPath,
  sameOriginRequest,
  sessionCookieName,
} from './console-session';

const SECRET = 'a-secret-of-at-least-thirty-two-chars!';

describe('console session and CSRF rules', () => {
  it('derives a form token from the session id that only the secret can make', () => {
    const token = csrfToken(SECRET, 'session', 'sid-1');
    expect(csrfMatches(SECRET, 'session', 'sid-1', token)).toBe(true);
    expect(csrfMatches(SECRET, 'session', 'sid-2', token)).toBe(false);
    expect(csrfMatches(`${SECRET}x`, 'session', 'sid-1', token)).toBe(false);
    expect(csrfMatches(SECRET, 'sign-in', 'sid-1', token)).toBe(false);
  });

  it('refuses a missing, wrong-length or non-string token, and a missing session', () => {
    const token = csrfToken(SECRET, 'session', 'sid-1');
    expect(csrfMatches(SECRET, 'session', 'sid-1', undefined)).toBe(false);
    expect(csrfMatches(SECRET, 'session', 'sid-1', '')).toBe(false);
    expect(csrfMatches(SECRET, 'session', 'sid-1', token.slice(1))).toBe(false);
    expect(csrfMatches(SECRET, 'session', 'sid-1', [token])).toBe(false);
    expect(csrfMatches(SECRET, 'session', undefined, token)).toBe(false);
  });

  it('accepts a POST from the public origin, or without Origin and Referer, and refuses another origin', () => {
    const base = 'https://decisions.example.gov.cn';
    expect(sameOriginRequest({ origin: base }, base)).toBe(true);
    expect(sameOriginRequest({ referer: `${base}/console/decisions/x` }, base)).toBe(true);
    expect(sameOriginRequest({}, base)).toBe(true);
    expect(sameOriginRequest({ origin: 'https://evil.example' }, base)).toBe(false);
    expect(sameOriginRequest({ origin: 'http://decisions.example.gov.cn' }, base)).toBe(false);
    expect(sameOriginRequest({ origin: 'null' }, base)).toBe(false);
    expect(sameOriginRequest({ referer: 'https://decisions.example.gov.cn.evil.example/' }, base)).toBe(false);
    expect(sameOriginRequest({ referer: 'not a url' }, base)).toBe(false);
  });

  it('returns after sign-in to console paths only', () => {
    expect(safeReturnPath('/console/decisions/abc?lang=en')).toBe('/console/decisions/abc?lang=en');
    expect(safeReturnPath('/console')).toBe('/console');
    for (const bad of [
      '//evil.example',
      'https://evil.example/console',
      '/console//evil',
      '/\\evil.example',
      '/consoles',
      '/',
      '/console\n/x',
      undefined,
      ['/console'],
    ]) {
      expect(safeReturnPath(bad)).toBe('/console');
    }
  });

  it('marks the cookie Secure with the __Host- prefix over https, and not on plain http', () => {
    expect(cookieOptions('https://d.example', 3600)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: true,
      maxAge: 3600,
    });
    expect(cookieOptions('http://127.0.0.1:3000', 60).secure).toBe(false);
    expect(sessionCookieName(true)).toBe('__Host-od_console');
    expect(sessionCookieName(false)).toBe('od_console');
  });
});
