import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class ClusterListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only the concentrated clusters (true) or only the others (false).',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  concentrated?: 'true' | 'false';
}
