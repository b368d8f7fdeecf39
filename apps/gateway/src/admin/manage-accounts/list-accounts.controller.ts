import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { listAccounts } from '../../../../../libs/persistence/src';
import { Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { AccountResponse } from './list-accounts.dto';
import { ThrottledAuthenticator } from '../../site-shell/sign-in/throttled-authenticator';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/accounts')
@UseGuards(StaffGuard)
export class ListAccountsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly authenticator: ThrottledAuthenticator,
  ) {}

  @Get()
  @Staff('admin')
  @ApiOkResponse({
    type: AccountResponse,
    isArray: true,
    description: 'Every account, disabled ones included, by username.',
  })
  async list(): Promise<AccountResponse[]> {
    const accounts = await listAccounts(this.dataSource);
    return Promise.all(
      accounts.map(async (account) => {
        const lockedUntil = await this.authenticator.throttle.lockedUntil(account.username);
        return lockedUntil ? { ...account, signInLockedUntil: lockedUntil.toISOString() } : account;
      }),
    );
  }
}
