import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { STANCES, type Stance } from '../../../../../libs/opinion-analysis/src';

export class RelabelClusterRequest {
  @ApiProperty({ example: 'r1-3' })
  @IsString()
  @Length(1, 32)
  clusterId!: string;

  @ApiProperty({ example: '停车收费标准过高', description: '1–200 characters.', required: false })
  @IsOptional()
  @IsString()
  label?: string;

  @ApiProperty({
    enum: STANCES,
    required: false,
    description: 'A corrected stance (ADR 60). A relabel names a label, a stance, or both.',
  })
  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;
}
