import { ApiProperty } from '@nestjs/swagger';

export class UnitResponse {
  @ApiProperty({ example: 'hrss-pension' }) id!: string;
  @ApiProperty({ example: '养老保险处' }) name!: string;
  @ApiProperty({ example: 'Pension insurance division' }) nameEn!: string;
}
