import { Body, Controller, Param, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AccountResponse } from './list-accounts.dto';
import { ChangeAccountRequest } from './change-account.dto';
import { ChangeAccountHandler } from './change-account.handler';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/accounts')
@UseGuards(StaffGuard)
export class ChangeAccountController {
  constructor(private readonly handler: ChangeAccountHandler) {}

  @Patch(':id')
  @Staff('admin')
  @ApiOkResponse({
    type: AccountResponse,
    description: 'The account after the change; a role, unit or disabled flag takes effect at once.',
  })
  @ApiNotFoundResponse({ description: '`ACCOUNT_NOT_FOUND`.' })
  @ApiConflictResponse({ description: '`SELF_LOCKOUT`: an administrator may not disable or demote their own account.' })
  change(
    @Param('id') id: string,
    @Body() body: ChangeAccountRequest,
    @CurrentActor() actor: StaffActor,
  ): Promise<AccountResponse> {
    return this.handler.execute(id, body, actor);
  }
}
