import { DOWNLOAD_TOKEN_MS, signDownloadToken, verifyDownloadToken } from './download-token';

const PEPPER = 'pepper-pepper-pepper-0123456789';
const NOW = Date.parse('2026-12-07T02:00:00Z');

describe('the lookup page’s reply download token', () => {
  const token = signDownloadToken(PEPPER, 'req-1', NOW);

  it('names its request while it is valid, and carries no secret', () => {
    expect(verifyDownloadToken(PEPPER, token, NOW + DOWNLOAD_TOKEN_MS - 1)).toBe('req-1');
    expect(token.startsWith('req-1.')).toBe(true);
  });

  it('expires', () => {
    expect(verifyDownloadToken(PEPPER, token, NOW + DOWNLOAD_TOKEN_MS)).toBeUndefined();
  });

  it('refuses another pepper, another request, a later expiry and malformed tokens', () => {
    const [, expires, mac] = token.split('.');
    expect(verifyDownloadToken('another-pepper-0123456789', token, NOW)).toBeUndefined();
    expect(verifyDownloadToken(PEPPER, `req-2.${expires}.${mac}`, NOW)).toBeUndefined();
    expect(verifyDownloadToken(PEPPER, `req-1.${Number(expires) + 1}.${mac}`, NOW)).toBeUndefined();
    for (const bad of ['', 'x', 'req-1..', `req-1.${expires}.zz`, `req-1.${expires}.${mac}00`])
      expect(verifyDownloadToken(PEPPER, bad, NOW)).toBeUndefined();
  });
});
