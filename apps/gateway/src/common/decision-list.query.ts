import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { STAGES, type Stage } from '../../../../libs/domain/src';
import { PageQuery } from './page.query';

/** Filters of the decision lists (staff and public). */
export class DecisionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ example: 'unit-a' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unit?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Words of the title or summary' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
