import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startMediumSystem, type MediumSystem } from '../support/medium';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, type Reply } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';

const PASSWORD = 'e2e-password';
const NEW_PASSWORD = 'correct-horse-battery-staple';
const ACCOUNT_FIELDS = ['createdAt', 'disabled', 'id', 'role', 'unit', 'username'];

type AdminEventRow = { type: string; actor: string; data: string };

async function withDatabase<T>(
  db: TestDatabase,
  use: (query: (sql: string) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  const dataSource = await openDatabase(db.config, { migrate: false });
  try {
    return await use((sql) => dataSource.query(sql));
  } finally {
    await dataSource.destroy();
  }
}

const counts = (db: TestDatabase): Promise<number[]> =>
  withDatabase(db, async (query) => {
    const result: number[] = [];
    for (const table of ['units', 'accounts', 'admin_events']) {
      const [row] = (await query(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string | number }];
      result.push(Number(row.n));
    }
    return result;
  });

describe.each(databaseKinds())('administration of units and accounts over HTTP, on %s', (kind) => {
  let db: TestDatabase;
  let system: MediumSystem;
  let adminToken: string;
  let api: (method: string, path: string, options?: Parameters<typeof call>[3]) => Promise<Reply>;
  let asAdmin: (method: string, path: string, json?: unknown) => Promise<Reply>;

  const createAccount = async (username: string, unit: string, role: string): Promise<Reply> =>
    asAdmin('POST', '/api/v1/admin/accounts', { username, password: NEW_PASSWORD, unit, role });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startMediumSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue(`e2e-admin-${kind}`) });
    api = (method, path, options) => call(system.baseUrl, method, path, options);
    adminToken = await login(system.baseUrl, 'admin', PASSWORD);
    asAdmin = (method, path, json) => api(method, path, { token: adminToken, json });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('creates a unit and a drafter for it, who logs in and registers decisions for that unit only', async () => {
    const unit = { id: 'social-insurance', name: '社会保险处', nameEn: 'Social insurance division' };
    const created = await asAdmin('POST', '/api/v1/admin/units', unit);
    expect([created.status, created.body]).toEqual([201, unit]);
    expect((await asAdmin('GET', '/api/v1/admin/units')).body).toEqual(expect.arrayContaining([unit]));

    const account = await createAccount('li.na', unit.id, 'drafter');
    expect(account.status).toBe(201);
    expect(account.body).toEqual({
      id: expect.any(String),
      username: 'li.na',
      unit: unit.id,
      role: 'drafter',
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(new Date(account.body.createdAt as string).toISOString()).toBe(account.body.createdAt);

    const token = await login(system.baseUrl, 'li.na', NEW_PASSWORD);
    const registered = await api('POST', '/api/v1/decisions', { token, json: aRegistration({ unit: unit.id }) });
    expect(registered.status).toBe(201);
    const decision = await api('GET', `/api/v1/public/decisions/${registered.body.decisionId as string}`);
    expect(decision.body).toMatchObject({ unit: unit.id, stage: 'drafting' });
    const elsewhere = await api('POST', '/api/v1/decisions', { token, json: aRegistration({ unit: 'unit-a' }) });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'OTHER_UNIT']);
  });

  it('applies a role change and a new password at once, and the new password ends the tokens issued before', async () => {
    const { body: account } = await createAccount('wang.fang', 'unit-a', 'drafter');
    const token = await login(system.baseUrl, 'wang.fang', NEW_PASSWORD);
    const changed = await asAdmin('PATCH', `/api/v1/admin/accounts/${account.id as string}`, {
      role: 'reviewer',
      password: 'another-long-password',
    });
    expect([changed.status, changed.body]).toEqual([200, { ...account, role: 'reviewer' }]);
    const refused = await api('POST', '/api/v1/decisions', { token, json: aRegistration() });
    expect([refused.status, refused.body.code]).toEqual([401, 'TOKEN_INVALID']);
    const oldPassword = await api('POST', '/api/v1/auth/login', {
      json: { username: 'wang.fang', password: NEW_PASSWORD },
    });
    expect([oldPassword.status, oldPassword.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(await login(system.baseUrl, 'wang.fang', 'another-long-password')).toEqual(expect.any(String));
  });

  it('refuses every admin endpoint to other roles and to anonymous callers', async () => {
    const drafter = await login(system.baseUrl, 'drafter', PASSWORD);
    const manager = await login(system.baseUrl, 'manager', PASSWORD);
    const before = await counts(db);
    const requests: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/admin/units', undefined],
      ['POST', '/api/v1/admin/units', { id: 'sneaky', name: '偷建单位', nameEn: 'Sneaky' }],
      ['GET', '/api/v1/admin/accounts', undefined],
      ['POST', '/api/v1/admin/accounts', { username: 'sneaky', password: NEW_PASSWORD, unit: 'unit-a', role: 'admin' }],
      ['PATCH', '/api/v1/admin/accounts/anything', { role: 'admin' }],
    ];
    for (const [method, path, json] of requests) {
      for (const token of [drafter, manager]) {
        const reply = await api(method, path, { token, json });
        expect({ method, path, status: reply.status, code: reply.body.code }).toEqual({
          method,
          path,
          status: 403,
          code: 'ROLE_NOT_ALLOWED',
        });
      }
      const anonymous = await api(method, path, { json });
      expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 });
    }
    expect(await counts(db)).toEqual(before);
  });

  it('cuts a disabled account off at once, token and login, and lets it back in when enabled again', async () => {
    const { body: account } = await createAccount('zhao.lei', 'unit-b', 'admin');
    const token = await login(system.baseUrl, 'zhao.lei', NEW_PASSWORD);
    expect((await api('GET', '/api/v1/admin/units', { token })).status).toBe(200);

    const disabled = await asAdmin('PATCH', `/api/v1/admin/accounts/${account.id as string}`, { disabled: true });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    const withToken = await api('GET', '/api/v1/admin/units', { token });
    expect([withToken.status, withToken.body.code]).toEqual([401, 'TOKEN_INVALID']);
    const loggingIn = await api('POST', '/api/v1/auth/login', {
      json: { username: 'zhao.lei', password: NEW_PASSWORD },
    });
    expect([loggingIn.status, loggingIn.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    const listed = (await asAdmin('GET', '/api/v1/admin/accounts')).body as Array<{
      username: string;
      disabled: boolean;
    }>;
    expect(listed.find((a) => a.username === 'zhao.lei')?.disabled).toBe(true);

    await asAdmin('PATCH', `/api/v1/admin/accounts/${account.id as string}`, { disabled: false });
    expect(await login(system.baseUrl, 'zhao.lei', NEW_PASSWORD)).toEqual(expect.any(String));
  });

  it('refuses duplicates with 409 and invalid input with 422, and changes nothing', async () => {
    await asAdmin('POST', '/api/v1/admin/units', { id: 'unit-dup', name: '重复单位', nameEn: 'Duplicate' });
    await createAccount('dup.user', 'unit-dup', 'manager');
    const before = await counts(db);
    const valid = { username: 'ok.user', password: NEW_PASSWORD, unit: 'unit-a', role: 'drafter' };
    const cases: Array<[string, string, string, unknown, number, string]> = [
      [
        'duplicate unit',
        'POST',
        '/api/v1/admin/units',
        { id: 'unit-dup', name: '另一个', nameEn: 'Another' },
        409,
        'UNIT_EXISTS',
      ],
      [
        'duplicate username',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, username: 'dup.user' },
        409,
        'ACCOUNT_EXISTS',
      ],
      [
        'duplicate demo username',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, username: 'drafter' },
        409,
        'ACCOUNT_EXISTS',
      ],
      [
        'uppercase unit id',
        'POST',
        '/api/v1/admin/units',
        { id: 'Unit-C', name: '单位', nameEn: 'Unit' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'unit id starting with -',
        'POST',
        '/api/v1/admin/units',
        { id: '-c', name: '单位', nameEn: 'Unit' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'unit id of 65 characters',
        'POST',
        '/api/v1/admin/units',
        { id: 'u'.repeat(65), name: '单位', nameEn: 'Unit' },
        422,
        'VALIDATION_FAILED',
      ],
      ['unit without nameEn', 'POST', '/api/v1/admin/units', { id: 'unit-c', name: '单位' }, 422, 'VALIDATION_FAILED'],
      [
        'unit with an unknown field',
        'POST',
        '/api/v1/admin/units',
        { id: 'unit-c', name: '单位', nameEn: 'Unit', head: 'x' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'one-character username',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, username: 'a' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'uppercase username',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, username: 'Li.Na' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'password of 11 characters',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, password: '12345678901' },
        422,
        'VALIDATION_FAILED',
      ],
      ['unknown role', 'POST', '/api/v1/admin/accounts', { ...valid, role: 'superuser' }, 422, 'VALIDATION_FAILED'],
      ['unknown unit', 'POST', '/api/v1/admin/accounts', { ...valid, unit: 'no-such-unit' }, 422, 'UNKNOWN_UNIT'],
      [
        'a password hash smuggled in',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, passwordHash: 'scrypt$1' },
        422,
        'VALIDATION_FAILED',
      ],
      ['empty change', 'PATCH', '/api/v1/admin/accounts/{dup}', {}, 422, 'VALIDATION_FAILED'],
      [
        'change to an unknown role',
        'PATCH',
        '/api/v1/admin/accounts/{dup}',
        { role: 'root' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'change to an unknown unit',
        'PATCH',
        '/api/v1/admin/accounts/{dup}',
        { unit: 'no-such-unit' },
        422,
        'UNKNOWN_UNIT',
      ],
      [
        'change to a short password',
        'PATCH',
        '/api/v1/admin/accounts/{dup}',
        { password: 'short' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'password "passwordpassword"',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, password: 'passwordpassword' },
        422,
        'PASSWORD_TOO_COMMON',
      ],
      [
        'password "123456789012"',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, password: '123456789012' },
        422,
        'PASSWORD_TOO_COMMON',
      ],
      [
        'password of twelve spaces',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, password: ' '.repeat(12) },
        422,
        'PASSWORD_TOO_COMMON',
      ],
      [
        'password = the username twice',
        'POST',
        '/api/v1/admin/accounts',
        { ...valid, password: 'ok.userok.user' },
        422,
        'PASSWORD_FROM_USERNAME',
      ],
      [
        'change to the username twice',
        'PATCH',
        '/api/v1/admin/accounts/{dup}',
        { password: 'dup.userdup.user' },
        422,
        'PASSWORD_FROM_USERNAME',
      ],
      [
        'change to "passwordpassword"',
        'PATCH',
        '/api/v1/admin/accounts/{dup}',
        { password: 'passwordpassword' },
        422,
        'PASSWORD_TOO_COMMON',
      ],
      ['disabled as a string', 'PATCH', '/api/v1/admin/accounts/{dup}', { disabled: 'yes' }, 422, 'VALIDATION_FAILED'],
      [
        'unknown account',
        'PATCH',
        '/api/v1/admin/accounts/no-such-account',
        { role: 'reviewer' },
        404,
        'ACCOUNT_NOT_FOUND',
      ],
    ];
    const accounts = (await asAdmin('GET', '/api/v1/admin/accounts')).body as Array<{ id: string; username: string }>;
    const dupId = accounts.find((a) => a.username === 'dup.user')?.id ?? 'missing';
    for (const [name, method, path, json, status, code] of cases) {
      const reply = await asAdmin(method, path.replace('{dup}', dupId), json);
      expect({ name, status: reply.status, code: reply.body.code }).toEqual({ name, status, code });
      expect(reply.contentType).toContain('application/problem+json');
    }
    expect(await counts(db)).toEqual(before);
  });

  it('refuses to let an administrator disable or demote their own account', async () => {
    const accounts = (await asAdmin('GET', '/api/v1/admin/accounts')).body as Array<{ id: string; username: string }>;
    const self = `/api/v1/admin/accounts/${accounts.find((a) => a.username === 'admin')?.id ?? 'missing'}`;
    for (const change of [{ disabled: true }, { role: 'manager' }, { role: 'drafter', unit: 'unit-b' }]) {
      const reply = await asAdmin('PATCH', self, change);
      expect({ change, status: reply.status, code: reply.body.code }).toEqual({
        change,
        status: 409,
        code: 'SELF_LOCKOUT',
      });
    }
    const harmless = await asAdmin('PATCH', self, { role: 'admin', unit: 'unit-b' });
    expect([harmless.status, harmless.body.role, harmless.body.unit, harmless.body.disabled]).toEqual([
      200,
      'admin',
      'unit-b',
      false,
    ]);
    expect((await asAdmin('GET', '/api/v1/admin/units')).status).toBe(200);
  });

  it('never shows a password or its hash in the account list', async () => {
    const reply = await asAdmin('GET', '/api/v1/admin/accounts');
    expect(reply.status).toBe(200);
    const accounts = reply.body as Array<Record<string, unknown>>;
    expect(accounts.map((a) => a['username'])).toEqual(expect.arrayContaining(['admin', 'drafter', 'li.na']));
    for (const account of accounts) expect(Object.keys(account).sort()).toEqual(ACCOUNT_FIELDS);
    const text = JSON.stringify(reply.body);
    for (const secret of ['password', 'scrypt', PASSWORD, NEW_PASSWORD]) expect(text).not.toContain(secret);
  });

  it('documents the admin endpoints in the OpenAPI document', async () => {
    const paths = (await api('GET', '/api/docs-json')).body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/admin/units'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/admin/accounts'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/admin/accounts/{id}'] ?? {})).toEqual(['patch']);
  });

  it('records every admin action in admin_events, without secrets, and the database refuses to change them', async () => {
    await asAdmin('POST', '/api/v1/admin/units', { id: 'unit-audit', name: '审计单位', nameEn: 'Audit unit' });
    const { body: account } = await createAccount('audit.user', 'unit-audit', 'reviewer');
    await asAdmin('PATCH', `/api/v1/admin/accounts/${account.id as string}`, {
      role: 'manager',
      password: 'audited-new-password',
    });
    await withDatabase(db, async (query) => {
      const rows = (await query('SELECT type, actor, data FROM admin_events ORDER BY id')) as AdminEventRow[];
      const mine = rows.filter((row) => row.data.includes('unit-audit') || row.data.includes(account.id as string));
      expect(mine.map((row) => row.type)).toEqual(['UnitCreated', 'AccountCreated', 'AccountChanged']);
      expect(JSON.parse(mine[0]!.data)).toEqual({ unitId: 'unit-audit', name: '审计单位', nameEn: 'Audit unit' });
      expect(JSON.parse(mine[1]!.data)).toEqual({
        accountId: account.id,
        username: 'audit.user',
        unit: 'unit-audit',
        role: 'reviewer',
      });
      expect(JSON.parse(mine[2]!.data)).toEqual({
        accountId: account.id,
        username: 'audit.user',
        changes: { role: { from: 'reviewer', to: 'manager' } },
        passwordReset: true,
      });
      for (const row of mine) {
        expect(JSON.parse(row.actor)).toEqual({
          accountId: expect.any(String),
          username: 'admin',
          unit: expect.any(String),
          role: 'admin',
        });
      }
      const all = JSON.stringify(rows);
      for (const secret of ['scrypt', NEW_PASSWORD, 'audited-new-password', 'another-long-password'])
        expect(all).not.toContain(secret);
      expect(rows.map((row) => row.type)).toEqual(
        expect.arrayContaining(['UnitCreated', 'AccountCreated', 'AccountChanged']),
      );

      await expect(query(`UPDATE admin_events SET type = 'Forged'`)).rejects.toThrow(/admin_events is append-only/);
      await expect(query('DELETE FROM admin_events')).rejects.toThrow(/admin_events is append-only/);
      if (kind === 'postgres')
        await expect(query('TRUNCATE admin_events')).rejects.toThrow(/admin_events is append-only/);
      expect(((await query('SELECT type FROM admin_events')) as unknown[]).length).toBe(rows.length);
    });
  });
});
