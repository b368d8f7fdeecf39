import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RelabelClusterRequest {
  @ApiProperty({ example: 'r1-3' })
  @IsString()
  @Length(1, 32)
  clusterId!: string;

  @ApiProperty({ example: '停车收费标准过高', description: '1–200 characters.' })
  @IsString()
  label!: string;
}
