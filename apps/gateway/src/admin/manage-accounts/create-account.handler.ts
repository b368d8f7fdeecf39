import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, InvalidCommandError, type StaffActor } from '../../../../../libs/domain/src';
import { createAccount } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import type { AccountResponse } from './list-accounts.dto';
import type { CreateAccountRequest } from './create-account.dto';
import { assertStaffPassword } from './password-rule';

/** The unit named by an account command does not exist (422). */
export function unknownUnit(unit: string): DomainError {
  return new InvalidCommandError('UNKNOWN_UNIT', `There is no unit ${unit}; create it first.`);
}

@Injectable()
export class CreateAccountHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Creates the account and records AccountCreated (without the password) in one transaction. */
  async execute(request: CreateAccountRequest, actor: StaffActor): Promise<AccountResponse> {
    const { username, password, unit, role } = request;
    assertStaffPassword(username, password);
    const outcome = await createAccount(this.dataSource, { username, password, unit, role }, actor, new Date());
    if (!('refused' in outcome)) return outcome.ok;
    switch (outcome.refused) {
      case 'UNKNOWN_UNIT':
        throw unknownUnit(unit);
      case 'ACCOUNT_EXISTS':
        throw new DomainError('ACCOUNT_EXISTS', 'conflict', `An account named ${username} exists already.`);
    }
  }
}
