import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ANSWER_TEXT_MAX_CHARS, VERDICTS, type Verdict } from '../../../../../libs/domain/src';

export class CreateAnswerTemplateRequest {
  @ApiPropertyOptional({
    example: 'budget-limits',
    description: 'Letters, digits, "-" and "_"; generated when absent. Unique within the unit.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
    message: 'must be 1–64 letters, digits, "-" or "_", starting with a letter or digit',
  })
  templateId?: string;

  @ApiProperty({ example: '财政预算所限' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiProperty({ example: '因本年度财政预算所限，暂不采纳，将在下一年度预算编制时研究。' })
  @IsString()
  @Length(1, ANSWER_TEXT_MAX_CHARS)
  text!: string;
}
