import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { APPLICANT_KINDS, DELIVERY_FORMS, DELIVERY_WAYS, ID_DOCUMENT_TYPES } from '../../../../../libs/domain/src';

export class DisclosureContact {
  @ApiPropertyOptional({ example: '13800000000' }) @IsOptional() @IsString() phone?: string;
  @ApiPropertyOptional({ example: 'zhangsan@example.com' }) @IsOptional() @IsString() email?: string;
  @ApiPropertyOptional({ example: '北京市西城区某街1号' }) @IsOptional() @IsString() address?: string;
}

/**
 * An application for information (art.29). Lists, lengths and the required fields are checked by the
 * domain rule (`validateOnlineApplication`), which names the field it refuses (`DISCLOSURE_FIELD_*`).
 */
export class ApplyForDisclosureRequest {
  @ApiProperty({ example: 'unit-a', description: 'The agency the request is for (a unit id)' })
  @IsString()
  unit!: string;

  @ApiProperty({ enum: APPLICANT_KINDS, description: 'A natural person, or the kind of legal person or organisation' })
  @IsString()
  applicantKind!: (typeof APPLICANT_KINDS)[number];

  @ApiProperty({ example: '张三', description: "The applicant's or the organisation's name; never public" })
  @IsString()
  applicantName!: string;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES })
  @IsString()
  idDocumentType!: string;

  @ApiProperty({
    example: '11010519491231002X',
    description: 'Stored only as its last four characters and a peppered hash; a resident ID number is checked',
  })
  @IsString()
  idDocumentNumber!: string;

  @ApiProperty({ type: DisclosureContact, description: 'At least one of phone, e-mail, address; never public' })
  @IsObject()
  @ValidateNested()
  @Type(() => DisclosureContact)
  contact!: DisclosureContact;

  @ApiProperty({
    example: '2025年本市公共停车场收费标准的核定文件',
    description: 'The information sought, 1–5000 characters',
  })
  @IsString()
  informationDescription!: string;

  @ApiProperty({ enum: DELIVERY_FORMS })
  @IsString()
  deliveryForm!: (typeof DELIVERY_FORMS)[number];

  @ApiProperty({ enum: DELIVERY_WAYS, description: '`post` needs an address, `email` an e-mail address' })
  @IsString()
  deliveryWay!: (typeof DELIVERY_WAYS)[number];
}

export class DisclosureApplicationReceipt {
  @ApiProperty({ example: 'GK-7K3M-9QX2-H4TR-5' }) receipt!: string;
  @ApiProperty({
    example: '7K3M-9QX2-H4TR-5ABC-DEFG-HJKM-NPQR',
    description: 'Shown once (and to a retry with the same Idempotency-Key); with the receipt it opens the lookup',
  })
  secret!: string;
  @ApiProperty({ example: '2026-12-07', description: 'The day the request counts as received (art.31), Shanghai' })
  receivedDate!: string;
}
