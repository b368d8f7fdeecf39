import { Controller, Delete, HttpCode, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../libs/domain/src';
import { recordSignInLockoutEnded } from '../../../../../libs/persistence/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { DATA_SOURCE } from '../../common/tokens';
import { ThrottledAuthenticator } from '../../site-shell/sign-in/throttled-authenticator';

/**
 * `DELETE /api/v1/admin/accounts/{id}/sign-in-lockout`: an administrator ends the lockout that failed
 * sign-ins from all addresses put on a username (ADR 31), recorded as SignInLockoutEnded. The per-address
 * budgets stay: a guesser's own address is still held.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/accounts')
@UseGuards(StaffGuard)
export class EndSignInLockoutController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly authenticator: ThrottledAuthenticator,
  ) {}

  @Delete(':id/sign-in-lockout')
  @Staff('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The username signs in again from any address not held by its own budget.' })
  @ApiNotFoundResponse({ description: '`ACCOUNT_NOT_FOUND`.' })
  async end(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<void> {
    const account = await recordSignInLockoutEnded(this.dataSource, id, actor, new Date());
    if (!account) throw new DomainError('ACCOUNT_NOT_FOUND', 'not_found', `No account ${id}.`);
    await this.authenticator.throttle.unlock(account.username);
  }
}
