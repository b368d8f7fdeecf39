import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'drafter' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'secret' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class LoginResponse {
  @ApiProperty() token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ example: { username: 'drafter', unit: 'unit-a', role: 'drafter' } })
  account!: { username: string; unit: string; role: string };
}
