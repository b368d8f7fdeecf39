import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** Unit ids are lowercase slugs: they appear in URLs, filters and the public log's actor. */
export const UNIT_ID = /^[a-z0-9][a-z0-9-]*$/;

export class CreateUnitRequest {
  @ApiProperty({ example: 'hrss-pension', description: 'Lowercase slug, 1–64 characters; never changes.' })
  @IsString()
  @Length(1, 64)
  @Matches(UNIT_ID, { message: 'must be a lowercase slug: a-z, 0-9 and "-", not starting with "-"' })
  id!: string;

  @ApiProperty({ example: '养老保险处', description: 'Chinese name.' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Pension insurance division' })
  @IsString()
  @Length(1, 200)
  nameEn!: string;
}
