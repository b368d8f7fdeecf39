import type { DataSource } from 'typeorm';
import type { StaffActor } from '../../../libs/domain/src';
import { staffPasswordProblem } from '../../../libs/domain/src/accounts/staff-password';
import { createAccount, createUnit, listUnits, type AccountView, type Unit } from '../../../libs/persistence/src';

/** The same forms the admin API accepts (`create-account`, `create-unit` DTOs). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CreateAdmin {
  username: string;
  password: string;
  /** The administrator's unit; created with these names when it does not exist yet. */
  unit: Unit;
}

/**
 * `created`: the account (and `unitCreated` when its unit was new). `exists`: an account with that
 * username is there already and nothing was changed. `refused`: a stable code (a weak password, a bad
 * username or unit id) and nothing was written.
 */
export type CreateAdminOutcome =
  | { created: AccountView; unitCreated: boolean }
  | { exists: string }
  | { refused: string };

/** Why the input is refused before anything is read or written (a stable code), or undefined. */
export function createAdminProblem(input: CreateAdmin): string | undefined {
  if (!USERNAME.test(input.username)) return 'INVALID_USERNAME';
  if (!UNIT_ID.test(input.unit.id) || input.unit.name.trim() === '' || input.unit.nameEn.trim() === '')
    return 'INVALID_UNIT';
  return staffPasswordProblem(input.username, input.password);
}

/** Who the admin log records for what the command wrote: the command itself, never a person. */
export function commandActor(unit: string): StaffActor {
  return { accountId: 'create-admin', username: 'create-admin', unit, role: 'admin' };
}

/**
 * Creates the first administrator of a deployment (and its unit) with the same writes as the admin API:
 * each with its `admin_events` row. Idempotent: a second run with the same username changes nothing.
 */
export async function createFirstAdmin(
  dataSource: DataSource,
  input: CreateAdmin,
  now: Date,
): Promise<CreateAdminOutcome> {
  const problem = createAdminProblem(input);
  if (problem) return { refused: problem };
  const actor = commandActor(input.unit.id);
  const unitExists = (await listUnits(dataSource)).some((unit) => unit.id === input.unit.id);
  const unit = unitExists ? undefined : await createUnit(dataSource, input.unit, actor, now);
  const account = await createAccount(
    dataSource,
    { username: input.username, password: input.password, unit: input.unit.id, role: 'admin' },
    actor,
    now,
  );
  if ('refused' in account)
    return account.refused === 'ACCOUNT_EXISTS' ? { exists: input.username } : { refused: account.refused };
  return { created: account.ok, unitCreated: unit !== undefined && 'ok' in unit };
}
