import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { MAX_ANSWERS_PER_REQUEST, VERDICTS, type Verdict } from '../../../../../libs/domain/src';

/** Exactly one of the two. */
export class AnswerTarget {
  @ApiPropertyOptional({ example: 'r1-3', description: 'A cluster id of the current round.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  cluster?: string;

  @ApiPropertyOptional({
    example: 'OD-7K3M-9QX2-H4TR-5',
    description: 'The receipt of one opinion (typing variants are forgiven).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  receipt?: string;
}

/** The fields of one answer; with a templateId, the template's verdict and text fill what is left out. */
export class AnswerFieldsDto {
  @ApiPropertyOptional({ enum: VERDICTS })
  @IsOptional()
  @IsIn(VERDICTS)
  verdict?: Verdict;

  @ApiPropertyOptional({
    example: '已在第三条中采纳。',
    description: '1–5000 characters; public once the feedback is published.',
  })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    example: '补贴标准由财政预算统一确定，本年度预算已经人大批准，无法追加。',
    description:
      'Why not or only partly adopted. A concentrated cluster needs ≥ 20 characters before the report can be submitted.',
  })
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ example: 'budget-limits', description: 'An answer template of the decision’s unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  templateId?: string;
}

export class AnswerItem extends AnswerFieldsDto {
  @ApiProperty({ type: AnswerTarget })
  @ValidateNested()
  @Type(() => AnswerTarget)
  target!: AnswerTarget;
}

export class AnswerSelection {
  @ApiPropertyOptional({ type: [String], example: ['r1-3', 'r1-4'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS_PER_REQUEST)
  @IsString({ each: true })
  clusters?: string[];

  @ApiPropertyOptional({ type: [String], example: ['OD-7K3M-9QX2-H4TR-5'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS_PER_REQUEST)
  @IsString({ each: true })
  receipts?: string[];
}

/**
 * Either `answers` (one answer per target) or `selection` with the answer's fields beside it (the same
 * answer for every selected cluster and opinion). At most 1000 targets; all are recorded or none.
 */
export class AnswerOpinionsRequest extends AnswerFieldsDto {
  @ApiPropertyOptional({ type: [AnswerItem], description: 'One answer per target (max 1000).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => AnswerItem)
  answers?: AnswerItem[];

  @ApiPropertyOptional({
    type: AnswerSelection,
    description: 'The same answer (verdict, text, reason, templateId beside it) for all of these (max 1000 in all).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnswerSelection)
  selection?: AnswerSelection;
}

export class AnswersRecorded {
  @ApiProperty({ example: 12 }) recorded!: number;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' }) answeredAt!: string;
}
