import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/domain/src';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class CreateAccountRequest {
  @ApiProperty({
    example: 'zhang.wei',
    description: '2–64 characters: a-z, 0-9, ".", "_", "-", starting with a letter or digit.',
  })
  @IsString()
  @Matches(USERNAME, { message: 'must be 2–64 characters of a-z, 0-9, ".", "_", "-", starting with a letter or digit' })
  username!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, description: 'Stored only as a scrypt hash.' })
  @IsString()
  @Length(12, 256)
  password!: string;

  @ApiProperty({ example: 'hrss-pension', description: 'An existing unit (else 422 `UNKNOWN_UNIT`).' })
  @IsString()
  @Length(1, 64)
  unit!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}
