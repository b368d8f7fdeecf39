import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class ConfirmClusterLabelRequest {
  @ApiProperty({ example: 'r1-3' })
  @IsString()
  @Length(1, 32)
  clusterId!: string;

  @ApiProperty({
    example: '停车收费标准过高',
    required: false,
    description:
      '1–200 characters. Given: the label is edited and confirmed at once; omitted: the current label is confirmed.',
  })
  @IsOptional()
  @IsString()
  label?: string;
}
