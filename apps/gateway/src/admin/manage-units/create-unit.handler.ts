import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../libs/domain/src';
import { createUnit } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import type { UnitResponse } from './list-units.dto';
import type { CreateUnitRequest } from './create-unit.dto';

@Injectable()
export class CreateUnitHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Creates the unit and records UnitCreated in the administration log, in one transaction. */
  async execute(request: CreateUnitRequest, actor: StaffActor): Promise<UnitResponse> {
    const outcome = await createUnit(
      this.dataSource,
      { id: request.id, name: request.name, nameEn: request.nameEn },
      actor,
      new Date(),
    );
    if ('refused' in outcome)
      throw new DomainError('UNIT_EXISTS', 'conflict', `A unit with the id ${request.id} exists already.`);
    return outcome.ok;
  }
}
