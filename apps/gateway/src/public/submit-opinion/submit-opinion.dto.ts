import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';

export class OpinionContact {
  @ApiPropertyOptional({ example: '张三' }) @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ example: '13800000000' }) @IsOptional() @IsString() phone?: string;
  @ApiPropertyOptional({ example: 'zhangsan@example.com' }) @IsOptional() @IsString() email?: string;
}

/** Lengths and characters are checked by the domain rule (`validateOpinion`), not here. */
export class SubmitOpinionRequest {
  @ApiProperty({ example: '建议将补贴标准提高到每月 200 元。', description: '1–5000 characters' })
  @IsString()
  text!: string;

  @ApiPropertyOptional({ example: '第三条', description: 'The section or article the opinion refers to' })
  @IsOptional()
  @IsString()
  section?: string;

  @ApiPropertyOptional({ type: OpinionContact, description: 'Optional; never public' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpinionContact)
  contact?: OpinionContact;
}

export class OpinionReceipt {
  @ApiProperty({ example: 'OD-7K3M-9QX2-H4TR-5' }) receipt!: string;
  @ApiProperty({ example: '2026-11-26T08:00:00.000Z' }) receivedAt!: string;
}
