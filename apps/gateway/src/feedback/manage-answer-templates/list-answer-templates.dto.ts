import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { VERDICTS, type Verdict } from '../../../../../libs/domain/src';

export class AnswerTemplateQuery {
  @ApiPropertyOptional({ example: 'unit-a', description: 'Defaults to your unit; drafters see their own unit only.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unit?: string;
}

export class AnswerTemplateResponse {
  @ApiProperty({ example: 'unit-a' }) unit!: string;
  @ApiProperty({ example: 'budget-limits' }) templateId!: string;
  @ApiProperty({ example: '财政预算所限' }) title!: string;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty({ example: '因本年度财政预算所限，暂不采纳，将在下一年度预算编制时研究。' }) text!: string;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' }) createdAt!: string;
}
