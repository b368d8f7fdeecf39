import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/domain/src';

/** Only the fields given change; at least one is required. */
export class ChangeAccountRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'hrss-pension', description: 'An existing unit (else 422 `UNKNOWN_UNIT`).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unit?: string;

  @ApiPropertyOptional({ description: 'A disabled account can neither log in nor use a token it already holds.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ minLength: 12, maxLength: 256, description: 'A new password; stored only as a scrypt hash.' })
  @IsOptional()
  @IsString()
  @Length(12, 256)
  password?: string;
}
