import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Filter of the opinion exports. */
export class ExportOpinionsQuery {
  @ApiPropertyOptional({ description: 'Only the opinions of this public decision' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  decision?: string;
}
