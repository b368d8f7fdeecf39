import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

/** A year's official holiday arrangement as the State Council published it. The rules are checked in `validateArrangement`. */
export class EnterCalendarYearRequest {
  @ApiProperty({
    example: ['2027-01-01', '2027-02-05', '2027-02-06'],
    description: 'Every holiday of the year (YYYY-MM-DD), weekend days of a holiday block included.',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  holidays!: string[];

  @ApiProperty({ example: ['2027-02-20'], description: 'Make-up working days (调休), each a Saturday or Sunday.' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString({ each: true })
  workdays!: string[];

  @ApiProperty({ example: '国办发明电〔2026〕7号', description: 'The notice’s number.' })
  @IsString()
  @MaxLength(200)
  sourceReference!: string;

  @ApiProperty({ example: '2026-11-20', description: 'The notice’s date (YYYY-MM-DD).' })
  @IsString()
  @MaxLength(10)
  sourceDate!: string;
}

export class CalendarChangeResponse {
  @ApiProperty({ description: 'The calendar version this change created.' })
  version!: number;

  @ApiProperty()
  year!: number;

  @ApiProperty({ type: [String] })
  holidays!: string[];

  @ApiProperty({ type: [String] })
  workdays!: string[];

  @ApiProperty()
  sourceReference!: string;

  @ApiProperty()
  sourceDate!: string;

  @ApiProperty({ description: 'Unit and role of the administrator; never the account.' })
  changedBy!: { unit: string; role: string };

  @ApiProperty()
  changedAt!: string;
}
