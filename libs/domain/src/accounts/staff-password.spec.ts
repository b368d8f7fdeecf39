import { staffPasswordProblem } from './staff-password';

describe('staff password rule', () => {
  it.each([
    ['manager', 'passwordpassword', 'PASSWORD_TOO_COMMON'],
    ['manager', '123456789012', 'PASSWORD_TOO_COMMON'],
    ['manager', '            ', 'PASSWORD_TOO_COMMON'],
    ['manager', 'qwertyuiop12', 'PASSWORD_TOO_COMMON'],
    ['manager', 'iloveyou1234', 'PASSWORD_TOO_COMMON'],
    ['manager', 'managermanager', 'PASSWORD_FROM_USERNAME'],
    ['zhang.wei', 'Zhang.Wei.2026', 'PASSWORD_FROM_USERNAME'],
    ['zhang.wei', 'iew.gnahz0000', 'PASSWORD_FROM_USERNAME'],
    ['manager', 'short-pw', 'PASSWORD_TOO_SHORT'],
    ['manager', '密码密码密码密码密码', 'PASSWORD_TOO_SHORT'],
  ])('refuses %s with %j (%s)', (username, password, code) => {
    expect(staffPasswordProblem(username, password)).toBe(code);
  });

  it.each([
    ['manager', 'correct-horse-battery-staple'],
    ['zhang.wei', 'xK9#mLp2$vQr'],
    ['admin', 'audited-new-password'],
  ])('accepts a long, uncommon password for %s', (username, password) => {
    expect(staffPasswordProblem(username, password)).toBeUndefined();
  });
});
