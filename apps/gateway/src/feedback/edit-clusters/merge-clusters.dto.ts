import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { MAX_MERGED_CLUSTERS } from '../../../../../libs/domain/src';

export class MergeClustersRequest {
  @ApiProperty({
    type: [String],
    example: ['r1-3', 'r1-7'],
    description: `2–${MAX_MERGED_CLUSTERS} clusters of the current round; the largest keeps its id.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_MERGED_CLUSTERS)
  @IsString({ each: true })
  clusterIds!: string[];

  @ApiPropertyOptional({
    example: '停车收费标准',
    description: '1–200 characters; the kept cluster’s label when left out.',
  })
  @IsOptional()
  @IsString()
  label?: string;
}
