import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page of a staff list. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ClusterListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the concentrated clusters (true) or only the others (false).' })
  @IsOptional()
  @IsIn(['true', 'false'])
  concentrated?: 'true' | 'false';
}
