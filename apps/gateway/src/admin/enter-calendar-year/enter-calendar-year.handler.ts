import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DomainError, InvalidCommandError, validateArrangement, type StaffActor } from '../../../../../libs/domain/src';
import { enterCalendarYear, type CalendarChange } from '../../../../../libs/persistence/src';
import { startCalendarFanOut } from '../../../../../libs/temporal/src';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import type { EnterCalendarYearRequest } from './enter-calendar-year.dto';

const KEY = /^[\x21-\x7e]{1,128}$/;

@Injectable()
export class EnterCalendarYearHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Records a year's official arrangement (append-only, with who and when) and starts the durable
   * fan-out that hands the new calendar to every open decision (ADR 23). A retry with the same
   * Idempotency-Key returns the change recorded first and starts the fan-out if it had not started.
   */
  async execute(
    year: number,
    request: EnterCalendarYearRequest,
    actor: StaffActor,
    idempotencyKey: string | undefined,
  ): Promise<CalendarChange> {
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
      throw new DomainError(
        'INVALID_IDEMPOTENCY_KEY',
        'invalid',
        'Idempotency-Key must be 1–128 printable ASCII characters.',
      );
    }
    const arrangement = {
      year,
      holidays: request.holidays,
      workdays: request.workdays,
      sourceReference: request.sourceReference,
      sourceDate: request.sourceDate,
    };
    const validated = validateArrangement(arrangement);
    const outcome = await enterCalendarYear(this.dataSource, {
      arrangement,
      year: validated,
      actor,
      now: new Date(),
      idempotencyKey,
    });
    if ('refused' in outcome)
      throw new InvalidCommandError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different arrangement.',
      );
    await startCalendarFanOut(this.client, this.config.TASK_QUEUE, outcome.change.version);
    return outcome.change;
  }
}
