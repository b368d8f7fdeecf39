import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { DomainError, normalizeReceipt } from '../../../../../libs/domain/src';
import { lookupReceipt, type ReceiptView } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';

@ApiTags('public')
@Controller('api/v1/public/opinions')
export class GetOpinionReceiptController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Receipt lookup: a mistyped receipt (bad check symbol) is told apart from an unknown one. */
  @Get(':receipt')
  @ApiOkResponse({
    description:
      'Status of the opinion: published, withheld, or answered once the feedback is published (then with its answer: its own, else its cluster’s).',
  })
  async get(@Param('receipt') typed: string): Promise<ReceiptView> {
    const receipt = normalizeReceipt(typed);
    if (!receipt)
      throw new DomainError(
        'INVALID_RECEIPT',
        'invalid',
        'This is not a valid receipt number: please check it for typing mistakes.',
      );
    const found = await lookupReceipt(this.dataSource, receipt);
    if (!found) throw new DomainError('RECEIPT_NOT_FOUND', 'not_found', `No opinion with receipt ${receipt}.`);
    return found;
  }
}
