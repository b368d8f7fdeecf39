import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const MAX_SIZE = 2 ** 31 - 1;

/** Which entry (by decision and seq, or by leaf index) against which tree size (default: the latest checkpoint). */
export class InclusionQuery {
  @ApiPropertyOptional({ description: 'The decision of the entry (with seq).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  decisionId?: string;

  @ApiPropertyOptional({ description: 'The seq of the entry in its decision’s chain (with decisionId).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  seq?: number;

  @ApiPropertyOptional({ description: 'The leaf index (0-based), instead of decisionId and seq.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  leafIndex?: number;

  @ApiPropertyOptional({ description: 'The tree size to prove against; default: the latest checkpoint’s.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  treeSize?: number;
}

export class ConsistencyQuery {
  @ApiProperty({ description: 'The smaller tree size (a checkpoint you saw before).' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  first!: number;

  @ApiPropertyOptional({ description: 'The larger tree size; default: the latest checkpoint’s.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  second?: number;
}

export class InclusionProofResponse {
  @ApiProperty({ description: 'The entry’s leaf index (0-based).' })
  leafIndex!: number;

  @ApiProperty({ description: 'The tree size the proof is for.' })
  treeSize!: number;

  @ApiProperty({ description: 'base64 of SHA-256(0x00 ‖ JCS of the entry’s eight served fields).' })
  leafHash!: string;

  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 inclusion proof, base64 hashes from the leaf up.' })
  proof!: string[];
}

export class ConsistencyProofResponse {
  @ApiProperty()
  first!: number;

  @ApiProperty()
  second!: number;

  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency proof, base64 hashes.' })
  proof!: string[];
}
