import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PlannedDates {
  @ApiPropertyOptional({ example: '2027-01-10' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  consultationFrom?: string;

  @ApiPropertyOptional({ example: '2027-04-30' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  decisionBy?: string;
}

export class RegisterDecisionRequest {
  @ApiProperty({ example: '关于调整城乡居民基本养老保险基础养老金的决定' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '拟提高城乡居民基本养老保险基础养老金最低标准。' })
  @IsString()
  @Length(1, 2000)
  summary!: string;

  @ApiProperty({ example: 'unit-a', description: 'The policy unit; a drafter registers for their own unit only.' })
  @IsString()
  @Length(1, 64)
  unit!: string;

  @ApiProperty({ example: 'social-security' })
  @IsString()
  @Length(1, 64)
  category!: string;

  @ApiProperty({
    description: 'Not disclosable by law (依法不予公开): nothing of it becomes public before publication.',
  })
  @IsBoolean()
  confidential!: boolean;

  @ApiPropertyOptional({ description: 'Required when confidential; never public.' })
  @ValidateIf((o: RegisterDecisionRequest) => o.confidential === true || o.confidentialGround !== undefined)
  @IsString()
  @Length(1, 2000)
  confidentialGround?: string;

  @ApiProperty({ description: 'Whether a social-stability risk assessment is required (Decree 713 art.22).' })
  @IsBoolean()
  riskAssessmentRequired!: boolean;

  @ApiPropertyOptional({ type: PlannedDates })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlannedDates)
  plannedDates?: PlannedDates;
}
