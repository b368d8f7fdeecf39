import { parseAdminCommandLine } from './args';
import { createAdminProblem } from './create-admin';

const unit = { id: 'admin', name: '系统管理', nameEn: 'System administration' };

describe('create-admin input', () => {
  it('refuses a weak password, a bad username or unit before anything is read or written', () => {
    expect(createAdminProblem({ username: 'chief', password: 'short', unit })).toBe('PASSWORD_TOO_SHORT');
    expect(createAdminProblem({ username: 'chief', password: 'chief-chief-chief', unit })).toBe(
      'PASSWORD_FROM_USERNAME',
    );
    expect(createAdminProblem({ username: 'chief', password: 'xx-feihc-feihc-xx', unit })).toBe(
      'PASSWORD_FROM_USERNAME',
    );
    expect(createAdminProblem({ username: 'Chief Admin', password: 'a-long-enough-passphrase', unit })).toBe(
      'INVALID_USERNAME',
    );
    expect(
      createAdminProblem({
        username: 'chief',
        password: 'a-long-enough-passphrase',
        unit: { ...unit, id: 'Admin Unit' },
      }),
    ).toBe('INVALID_UNIT');
    expect(createAdminProblem({ username: 'chief', password: 'a-long-enough-passphrase', unit })).toBeUndefined();
  });

  it('reads the command line with the unit defaults, and names what is missing or unknown', () => {
    expect(parseAdminCommandLine(['create-admin', '--username', 'chief'])).toEqual({
      kind: 'create-admin',
      args: { username: 'chief', unit },
    });
    expect(
      parseAdminCommandLine([
        'create-admin',
        '--username',
        'chief',
        '--unit',
        'ops',
        '--unit-name',
        '运维',
        '--unit-name-en',
        'Operations',
      ]),
    ).toEqual({
      kind: 'create-admin',
      args: { username: 'chief', unit: { id: 'ops', name: '运维', nameEn: 'Operations' } },
    });
    expect(parseAdminCommandLine(['create-admin'])).toEqual({ kind: 'usage-error', message: 'missing --username' });
    expect(parseAdminCommandLine(['create-admin', '--username', 'chief', 'extra'])).toEqual({
      kind: 'usage-error',
      message: 'unexpected argument: extra',
    });
    expect(parseAdminCommandLine(['create-admin', '--password', 'x'])).toMatchObject({ kind: 'usage-error' });
    expect(parseAdminCommandLine(['--help'])).toEqual({ kind: 'help' });
  });
});
