import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../../libs/domain/src';

/** An account as administrators see it: never a password or its hash. */
export class AccountResponse {
  @ApiProperty({ example: '3f0c8a52-4a8e-4d55-9f5e-0f3b2c1d9e77' }) id!: string;
  @ApiProperty({ example: 'zhang.wei' }) username!: string;
  @ApiProperty({ example: 'hrss-pension' }) unit!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ example: '2026-11-26T08:00:00.000Z' }) createdAt!: string;
  @ApiPropertyOptional({
    example: '2026-12-04T09:15:00.000Z',
    description:
      'In the account list only: until when failed sign-ins from all addresses together refuse this username (LOGIN_MAX_FAILURES_PER_ACCOUNT); absent when not locked. `DELETE …/sign-in-lockout` ends it.',
  })
  signInLockedUntil?: string;
}
