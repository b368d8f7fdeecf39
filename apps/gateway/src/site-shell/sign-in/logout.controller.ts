import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { revokeSession } from '../../../../../libs/persistence/src';
import { CurrentTokenClaims, Staff, StaffGuard } from '../../common/staff.guard';
import type { StaffTokenClaims } from '../../common/staff-token';
import { DATA_SOURCE } from '../../common/tokens';

/** `POST /api/v1/auth/logout`: ends the caller's API token on the server (ADR 30); it is refused from then on. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/v1/auth')
@UseGuards(StaffGuard)
export class LogoutController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Post('logout')
  @Staff()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked; every later request with it gets 401 TOKEN_INVALID.' })
  async logout(@CurrentTokenClaims() claims: StaffTokenClaims): Promise<void> {
    await revokeSession(this.dataSource, claims.sid, new Date(claims.exp * 1000), new Date());
  }
}
