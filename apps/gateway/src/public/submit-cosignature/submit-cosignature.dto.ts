import { ApiProperty } from '@nestjs/swagger';

/**
 * The request body, one schema for both media types (Nest's ApiBody takes one): the note as `text/plain`,
 * or the repo's JSON convention `{"note": "…"}` (ADR 61).
 */
export const COSIGNED_NOTE_BODY = {
  description:
    'A checkpoint this log signed, as a C2SP signed note carrying one or more witness cosignature lines (tlog-cosignature/v1): the note as `text/plain`, or JSON `{"note": "…"}`.',
  required: true,
  schema: {
    oneOf: [
      { type: 'string', maxLength: 65_536, description: 'The cosigned checkpoint note (text/plain).' },
      {
        type: 'object',
        required: ['note'],
        properties: { note: { type: 'string', maxLength: 65_536, description: 'The cosigned checkpoint note.' } },
      },
    ],
  },
};

export class KeptCosignature {
  @ApiProperty({ description: 'The witness’s name (its key name).', example: 'witness.example.org/w1' })
  witness!: string;

  @ApiProperty({ description: 'The key hash of the witness’s cosigner key, 8 hex digits.', example: '5a1b9c3d' })
  keyHash!: string;

  @ApiProperty({ description: 'The time the cosignature states.', format: 'date-time' })
  cosignedAt!: string;

  @ApiProperty({ description: 'When this deployment first received it.', format: 'date-time' })
  receivedAt!: string;
}

export class CosignatureReceipt {
  @ApiProperty({ description: 'The size of the cosigned checkpoint.' })
  treeSize!: number;

  @ApiProperty({ description: 'How many of the submitted cosignatures were new (0: all were kept before).' })
  added!: number;

  @ApiProperty({ type: [KeptCosignature], description: 'The kept cosignature of each configured witness submitted.' })
  cosignatures!: KeptCosignature[];
}
