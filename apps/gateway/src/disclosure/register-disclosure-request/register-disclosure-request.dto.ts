import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { APPLICANT_KINDS } from '../../../../../libs/domain/src';

/** The channels staff register (art.31); online requests come through the public form. */
export const STAFF_CHANNELS = ['in_person', 'registered_post', 'ordinary_post', 'fax'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export class ApplicantContact {
  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  phone?: string;

  @ApiPropertyOptional({ example: 'applicant@example.cn' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '某市某区某街道1号' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

/**
 * A request that arrived by letter, in person or by fax, as staff register it. Required fields of art.29
 * are checked by `validateApplication` (422 DISCLOSURE_FIELD_REQUIRED naming the field), so they are
 * optional strings here.
 */
export class RegisterDisclosureRequestBody {
  @ApiProperty({
    enum: STAFF_CHANNELS,
    description:
      'in_person: the day handed in; registered_post: the day signed for; fax and ordinary_post: the day both sides confirmed (art.31)',
  })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;

  @ApiProperty({ example: '2026-12-01', description: 'The day that counts as received for the channel (art.31)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  receivedOn!: string;

  @ApiProperty({ enum: APPLICANT_KINDS })
  @IsIn(APPLICANT_KINDS)
  applicantKind!: (typeof APPLICANT_KINDS)[number];

  @ApiProperty({ example: '张三', description: 'Personal data: stored apart, never public (ADR 68)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  applicantName?: string;

  @ApiProperty({ example: '居民身份证' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  idDocumentType?: string;

  @ApiProperty({ example: '110101199001011234', description: 'Never stored: only its last four and a peppered hash' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  idDocumentNumber?: string;

  @ApiProperty({ type: ApplicantContact })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantContact)
  contact?: ApplicantContact;

  @ApiProperty({ example: '2025年本区老旧小区改造项目的资金安排文件' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  informationDescription?: string;

  @ApiProperty({ enum: ['paper', 'electronic'] })
  @IsOptional()
  @IsIn(['paper', 'electronic'])
  deliveryForm?: 'paper' | 'electronic';

  @ApiProperty({ enum: ['post', 'email', 'pick_up', 'online'] })
  @IsOptional()
  @IsIn(['post', 'email', 'pick_up', 'online'])
  deliveryWay?: 'post' | 'email' | 'pick_up' | 'online';
}

/** The answer: the new case (no personal data). */
export interface RegisteredDisclosureRequest {
  requestId: string;
  receipt: string;
  receivedDate: string;
  stage: string;
}
