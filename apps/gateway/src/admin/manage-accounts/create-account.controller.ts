import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { StaffActor } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AccountResponse } from './list-accounts.dto';
import { CreateAccountRequest } from './create-account.dto';
import { CreateAccountHandler } from './create-account.handler';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/accounts')
@UseGuards(StaffGuard)
export class CreateAccountController {
  constructor(private readonly handler: CreateAccountHandler) {}

  @Post()
  @Staff('admin')
  @ApiCreatedResponse({ type: AccountResponse, description: 'The account, after AccountCreated was recorded.' })
  @ApiConflictResponse({ description: '`ACCOUNT_EXISTS`: the username is taken.' })
  @ApiUnprocessableEntityResponse({
    description:
      '`VALIDATION_FAILED`, `UNKNOWN_UNIT`, or a refused password: `PASSWORD_TOO_SHORT`, `PASSWORD_FROM_USERNAME`, `PASSWORD_TOO_COMMON`.',
  })
  create(@Body() body: CreateAccountRequest, @CurrentActor() actor: StaffActor): Promise<AccountResponse> {
    return this.handler.execute(body, actor);
  }
}
