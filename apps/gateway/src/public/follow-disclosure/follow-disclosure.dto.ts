import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Sent in a POST body, never in a URL: the secret must not reach an access log or a browser history. */
export class FollowDisclosureRequest {
  @ApiProperty({ example: 'GK-7K3M-9QX2-H4TR-5' })
  @IsString()
  @MaxLength(64)
  receipt!: string;

  @ApiProperty({ example: '7K3M-9QX2-H4TR-5ABC-DEFG-HJKM-NPQR' })
  @IsString()
  @MaxLength(128)
  secret!: string;
}

export class DisclosureLookupAnswer {
  @ApiProperty({ example: 'GK-7K3M-9QX2-H4TR-5' }) receipt!: string;
  @ApiProperty({ example: { id: 'unit-a', name: '市人力资源和社会保障局', nameEn: 'Municipal HRSS Bureau' } })
  unit!: { id: string; name: string; nameEn: string };
  @ApiProperty({ example: 'online' }) channel!: string;
  @ApiProperty({ example: 'natural_person' }) applicantKind!: string;
  @ApiProperty() informationDescription!: string;
  @ApiProperty({ example: 'electronic' }) deliveryForm!: string;
  @ApiProperty({ example: 'online' }) deliveryWay!: string;
  @ApiProperty({
    example: { name: '张三', idDocumentType: 'resident_id', idDocumentNumber: '****002X' },
    description: 'Only the name and the last four characters of the identity number',
  })
  applicant!: { name: string; idDocumentType: string; idDocumentNumber: string };
  @ApiProperty({
    description:
      'stage (registration|review|handling|reply|archive, art.45), receivedDate, clockStartDate, clock (running with dueDate, awaiting_correction, paused, stopped), correction, pauses, extension, customPeriod, fee, overdue, closed',
  })
  case!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'While the reply clock runs: the due date and how it was counted' })
  due?: { date: string; at: string; count: Record<string, unknown> };
  @ApiPropertyOptional({
    description:
      'Once replied: the date and outcome; once the reply document is issued, the document as the applicant’s copy says it and the sha256 of its PDF (the bytes of POST …/lookup/reply-document.pdf)',
    example: { date: '2026-12-20', outcome: 'disclosed' },
  })
  reply?: { date: string; outcome: string; document?: Record<string, unknown>; sha256?: string };
}
