import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { MAX_SPLIT_RECEIPTS } from '../../../../../libs/domain/src';

export class SplitClusterRequest {
  @ApiProperty({ example: 'r1-3' })
  @IsString()
  @Length(1, 32)
  clusterId!: string;

  @ApiProperty({
    type: [String],
    example: ['OD-7K3M-9QX2-H4TR-5'],
    description: `1–${MAX_SPLIT_RECEIPTS} receipts of opinions in the cluster; at least one opinion stays.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_SPLIT_RECEIPTS)
  @IsString({ each: true })
  receipts!: string[];

  @ApiProperty({ example: '夜间停车免费', description: 'The new cluster’s label, 1–200 characters.' })
  @IsString()
  label!: string;
}
