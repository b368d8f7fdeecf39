import { randomUUID } from 'node:crypto';
import type { Role } from '../../../domain/src';
import type { DataSource } from 'typeorm';
import { AccountEntity, UnitEntity } from '../entities/account.entity';
import { hashPassword, verifyPassword } from './password';

export interface Account {
  id: string;
  username: string;
  unit: string;
  role: Role;
  /** Issued tokens carry it; raised by a password change, reset or disabling (ADR 30). */
  tokenVersion: number;
  /** The unit's names, for pages (read with the session, ADR 108); absent where not read. */
  unitName?: { name: string; nameEn: string };
}

/** A hash to compare against when the username is unknown, so that timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;

/** The account for a username and password, or undefined (unknown, disabled or wrong password). */
export async function authenticate(
  dataSource: DataSource,
  username: string,
  password: string,
): Promise<Account | undefined> {
  const account = await dataSource.manager.findOneBy(AccountEntity, { username });
  dummyHash ??= hashPassword('not-a-password');
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok || account.disabled) return undefined;
  return {
    id: account.id,
    username: account.username,
    unit: account.unitId,
    role: account.role as Role,
    tokenVersion: account.tokenVersion,
  };
}

export async function findAccount(dataSource: DataSource, id: string): Promise<Account | undefined> {
  const account = await dataSource.manager.findOneBy(AccountEntity, { id, disabled: false });
  return account
    ? {
        id: account.id,
        username: account.username,
        unit: account.unitId,
        role: account.role as Role,
        tokenVersion: account.tokenVersion,
      }
    : undefined;
}

export async function upsertUnit(
  dataSource: DataSource,
  unit: { id: string; name: string; nameEn: string },
): Promise<void> {
  await dataSource.manager.upsert(UnitEntity, unit, ['id']);
}

/** Creates an account unless one with the username exists; returns whether it created one. */
export async function createAccountIfMissing(
  dataSource: DataSource,
  input: { username: string; password: string; unit: string; role: Role },
  now: Date,
): Promise<boolean> {
  if (await dataSource.manager.existsBy(AccountEntity, { username: input.username })) return false;
  await dataSource.manager.insert(AccountEntity, {
    id: randomUUID(),
    username: input.username,
    passwordHash: await hashPassword(input.password),
    unitId: input.unit,
    role: input.role,
    createdAt: now.toISOString(),
    disabled: false,
    tokenVersion: 0,
  });
  return true;
}
