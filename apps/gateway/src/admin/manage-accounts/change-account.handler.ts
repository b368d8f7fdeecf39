import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../libs/domain/src';
import { changeAccount, type AccountChange } from '../../../../../libs/persistence/src';
import { assertStaffPassword } from './password-rule';
import { DATA_SOURCE } from '../../common/tokens';
import { unknownUnit } from './create-account.handler';
import type { AccountResponse } from './list-accounts.dto';
import type { ChangeAccountRequest } from './change-account.dto';

/**
 * An administrator may not disable or demote their own account (409 SELF_LOCKOUT): that is how a
 * deployment ends up with nobody able to administer it.
 */
export function assertNoSelfLockout(actor: StaffActor, accountId: string, change: AccountChange): void {
  if (actor.accountId !== accountId) return;
  if (change.disabled === true)
    throw new DomainError(
      'SELF_LOCKOUT',
      'conflict',
      'You may not disable your own account; ask another administrator.',
    );
  if (change.role !== undefined && change.role !== 'admin') {
    throw new DomainError(
      'SELF_LOCKOUT',
      'conflict',
      'You may not take the admin role from your own account; ask another administrator.',
    );
  }
}

@Injectable()
export class ChangeAccountHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Applies the change and records AccountChanged (never the password) in one transaction. */
  async execute(accountId: string, request: ChangeAccountRequest, actor: StaffActor): Promise<AccountResponse> {
    const { role, unit, disabled, password } = request;
    const change: AccountChange = { role, unit, disabled, password };
    if (Object.values(change).every((value) => value === undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'Name at least one of role, unit, disabled, password.');
    }
    assertNoSelfLockout(actor, accountId, change);
    const outcome = await changeAccount(this.dataSource, accountId, change, actor, new Date(), (username) => {
      if (password !== undefined) assertStaffPassword(username, password);
    });
    if (!('refused' in outcome)) return outcome.ok;
    switch (outcome.refused) {
      case 'UNKNOWN_UNIT':
        throw unknownUnit(unit ?? '');
      case 'ACCOUNT_NOT_FOUND':
        throw new DomainError('ACCOUNT_NOT_FOUND', 'not_found', `No account ${accountId}.`);
    }
  }
}
