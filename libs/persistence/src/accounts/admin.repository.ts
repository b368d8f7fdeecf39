import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role, StaffActor } from '../../../domain/src';
import { AccountEntity, UnitEntity } from '../entities/account.entity';
import { appendAdminEvent, isUniqueViolation } from './admin-events';
import { hashPassword } from './password';
import { inTransaction } from '../transaction';

export interface Unit {
  id: string;
  /** Chinese name. */
  name: string;
  nameEn: string;
}

/** An account as administrators see it. Never carries the password hash. */
export interface AccountView {
  id: string;
  username: string;
  unit: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  password: string;
  unit: string;
  role: Role;
}

export interface AccountChange {
  role?: Role;
  unit?: string;
  disabled?: boolean;
  password?: string;
}

/** The outcome of a write that the caller turns into an answer; `refused` names the rule's code. */
export type AdminOutcome<T, R extends string> = { ok: T } | { refused: R };

function toView(entity: AccountEntity): AccountView {
  const { id, username, unitId, role, disabled, createdAt } = entity;
  return { id, username, unit: unitId, role: role as Role, disabled, createdAt };
}

export async function listUnits(dataSource: DataSource): Promise<Unit[]> {
  const rows = await dataSource.manager.find(UnitEntity, { order: { id: 'ASC' } });
  return rows.map(({ id, name, nameEn }) => ({ id, name, nameEn }));
}

export async function listAccounts(dataSource: DataSource): Promise<AccountView[]> {
  const select = { id: true, username: true, unitId: true, role: true, disabled: true, createdAt: true } as const;
  return (await dataSource.manager.find(AccountEntity, { select, order: { username: 'ASC' } })).map(toView);
}

/** Creates a unit and appends UnitCreated in one transaction. */
export async function createUnit(
  dataSource: DataSource,
  unit: Unit,
  actor: StaffActor,
  now: Date,
): Promise<AdminOutcome<Unit, 'UNIT_EXISTS'>> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      if (await manager.existsBy(UnitEntity, { id: unit.id })) return { refused: 'UNIT_EXISTS' as const };
      await manager.insert(UnitEntity, { id: unit.id, name: unit.name, nameEn: unit.nameEn });
      await appendAdminEvent(manager, {
        type: 'UnitCreated',
        actor,
        occurredAt: now,
        data: { unitId: unit.id, name: unit.name, nameEn: unit.nameEn },
      });
      return { ok: { id: unit.id, name: unit.name, nameEn: unit.nameEn } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { refused: 'UNIT_EXISTS' };
    throw error;
  }
}

/** Creates an account (password hashed with `hashPassword`) and appends AccountCreated in one transaction. */
export async function createAccount(
  dataSource: DataSource,
  input: NewAccount,
  actor: StaffActor,
  now: Date,
): Promise<AdminOutcome<AccountView, 'ACCOUNT_EXISTS' | 'UNKNOWN_UNIT'>> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(dataSource, async (manager) => {
      if (!(await manager.existsBy(UnitEntity, { id: input.unit }))) return { refused: 'UNKNOWN_UNIT' as const };
      if (await manager.existsBy(AccountEntity, { username: input.username }))
        return { refused: 'ACCOUNT_EXISTS' as const };
      const entity: AccountEntity = {
        id: randomUUID(),
        username: input.username,
        passwordHash,
        unitId: input.unit,
        role: input.role,
        createdAt: now.toISOString(),
        disabled: false,
        tokenVersion: 0,
      };
      await manager.insert(AccountEntity, entity);
      const account = toView(entity);
      await appendAdminEvent(manager, {
        type: 'AccountCreated',
        actor,
        occurredAt: now,
        data: { accountId: account.id, username: account.username, unit: account.unit, role: account.role },
      });
      return { ok: account };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { refused: 'ACCOUNT_EXISTS' };
    throw error;
  }
}

/**
 * Applies the change and appends AccountChanged with each changed field as `{from, to}` (a new
 * password appears only as `passwordReset: true`), in one transaction. A change that changes nothing
 * writes nothing. `checkPassword` (the password rule, given the username) runs before anything is written
 * and may throw. A new password or disabling raises the token version: every token of the account ends.
 */
export async function changeAccount(
  dataSource: DataSource,
  id: string,
  change: AccountChange,
  actor: StaffActor,
  now: Date,
  checkPassword: (username: string) => void = () => undefined,
): Promise<AdminOutcome<AccountView, 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_UNIT'>> {
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  return inTransaction(dataSource, async (manager) => {
    const entity = await manager.findOneBy(AccountEntity, { id });
    if (!entity) return { refused: 'ACCOUNT_NOT_FOUND' as const };
    if (passwordHash) checkPassword(entity.username);
    if (change.unit !== undefined && !(await manager.existsBy(UnitEntity, { id: change.unit })))
      return { refused: 'UNKNOWN_UNIT' as const };
    const before = toView(entity);
    const after: AccountView = {
      ...before,
      role: change.role ?? before.role,
      unit: change.unit ?? before.unit,
      disabled: change.disabled ?? before.disabled,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['role', 'unit', 'disabled'] as const) {
      if (after[field] !== before[field]) changes[field] = { from: before[field], to: after[field] };
    }
    if (Object.keys(changes).length === 0 && !passwordHash) return { ok: before };
    // A new password or disabling ends every token and session of the account at once (ADR 30).
    const endSessions = passwordHash !== undefined || (after.disabled && !before.disabled);
    const tokenVersion = endSessions ? entity.tokenVersion + 1 : entity.tokenVersion;
    await manager.update(
      AccountEntity,
      { id },
      {
        role: after.role,
        unitId: after.unit,
        disabled: after.disabled,
        tokenVersion,
        ...(passwordHash ? { passwordHash } : {}),
      },
    );
    await appendAdminEvent(manager, {
      type: 'AccountChanged',
      actor,
      occurredAt: now,
      data: { accountId: id, username: before.username, changes, ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return { ok: after };
  });
}

/** Records that an administrator ended an account's sign-in lockout; the account, or undefined when unknown. */
export async function recordSignInLockoutEnded(
  dataSource: DataSource,
  id: string,
  actor: StaffActor,
  now: Date,
): Promise<AccountView | undefined> {
  return inTransaction(dataSource, async (manager) => {
    const entity = await manager.findOneBy(AccountEntity, { id });
    if (!entity) return undefined;
    await appendAdminEvent(manager, {
      type: 'SignInLockoutEnded',
      actor,
      occurredAt: now,
      data: { accountId: id, username: entity.username },
    });
    return toView(entity);
  });
}
