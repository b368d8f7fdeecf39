import { entityTag, httpDate, noneMatchHits } from './http-cache';

describe('conditional GET of feeds', () => {
  it('tags a body by its content', () => {
    expect(entityTag('<feed/>')).toBe(entityTag('<feed/>'));
    expect(entityTag('<feed/>')).not.toBe(entityTag('<feed />'));
    expect(entityTag('<feed/>')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it('matches If-None-Match by weak comparison, in a list, or with *', () => {
    const tag = entityTag('x');
    expect(noneMatchHits(tag, tag)).toBe(true);
    expect(noneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(noneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(noneMatchHits('*', tag)).toBe(true);
    expect(noneMatchHits('"other"', tag)).toBe(false);
    expect(noneMatchHits(undefined, tag)).toBe(false);
    expect(noneMatchHits('', tag)).toBe(false);
  });

  it('writes Last-Modified as an IMF-fixdate', () => {
    expect(httpDate('2026-11-26T08:00:00.500Z')).toBe('Thu, 26 Nov 2026 08:00:00 GMT');
  });
});
