import { DomainError } from '../errors/errors';
import { normalizeFollowEmail } from './follow-email';

describe('normalizeFollowEmail', () => {
  it('keeps a plain address, trimmed, its domain in lower case', () => {
    expect(normalizeFollowEmail('  Li.Hua@Example.GOV.cn ')).toBe('Li.Hua@example.gov.cn');
    expect(normalizeFollowEmail('王芳@例子.中国')).toBe('王芳@例子.中国');
  });

  it.each([
    '',
    'no-at-sign',
    'a@b',
    'two@@example.com',
    'a b@example.com',
    'x@example..com',
    '"Name" <a@example.com>',
    `${'a'.repeat(250)}@example.com`,
    'a@example.com, b@example.com',
    'a@example.com\r\nBcc: c@example.com',
  ])('refuses %j with INVALID_EMAIL', (typed) => {
    expect(() => normalizeFollowEmail(typed)).toThrow(DomainError);
    try {
      normalizeFollowEmail(typed);
    } catch (error) {
      expect((error as DomainError).code).toBe('INVALID_EMAIL');
    }
  });
});
