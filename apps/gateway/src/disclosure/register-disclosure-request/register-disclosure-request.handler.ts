import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  APPLICANT_KINDS,
  type CaseEvent,
  deidentifyDocument,
  type DisclosureApplication,
  disclosureReceiptFrom,
  InvalidCommandError,
  lookupSecretHash,
  RECEIPT_SYMBOLS,
  receivedDate,
  shanghaiDate,
  type StaffActor,
  validateApplication,
} from '../../../../../libs/domain/src';
import {
  currentStaffRequest,
  findDisclosureRequest,
  registerDisclosureRequest,
} from '../../../../../libs/persistence/src';
import { startDisclosureCase, toDomainError } from '../../../../../libs/temporal/src';
import { disclosurePepper, type GatewayConfig } from '../../config';
import { newDecisionId } from '../../common/decision-id';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import { staffLookupSecret } from '../staff-lookup-secret';
import {
  type RegisterDisclosureRequestBody,
  type RegisteredDisclosureRequest,
  STAFF_CHANNELS,
} from './register-disclosure-request.dto';

const CHOICES: ReadonlyArray<[keyof RegisterDisclosureRequestBody, readonly string[]]> = [
  ['channel', STAFF_CHANNELS],
  ['applicantKind', APPLICANT_KINDS],
];

/** The console's form reaches here without the API's DTO pipe: the same choices checked again. */
function assertShape(body: RegisterDisclosureRequestBody): void {
  for (const [field, allowed] of CHOICES)
    if (!allowed.includes(body[field] as string))
      throw new InvalidCommandError('VALIDATION_FAILED', `${field}: must be one of ${allowed.join(', ')}`, { field });
  if (typeof body.receivedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.receivedOn))
    throw new InvalidCommandError('VALIDATION_FAILED', 'receivedOn: must be a date written YYYY-MM-DD', {
      field: 'receivedOn',
    });
}

/** Shanghai noon of a date: an instant whose Shanghai date is that date. */
const noonOf = (date: string): Date => new Date(`${date}T04:00:00.000Z`);

/**
 * Registers a request that arrived by letter, in person or by fax (art.31), then starts its case
 * workflow (ADR 83). The registering staff member is the case's handler. Sent with an Idempotency-Key,
 * every attempt uses the request id reserved by the first: a retry after the row was written starts the
 * (same) workflow and answers the stored case.
 */
@Injectable()
export class RegisterDisclosureRequestHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(body: RegisterDisclosureRequestBody, actor: StaffActor): Promise<RegisteredDisclosureRequest> {
    assertShape(body);
    const application: DisclosureApplication = {
      applicantKind: body.applicantKind,
      applicantName: body.applicantName ?? '',
      idDocumentType: body.idDocumentType ?? '',
      idDocumentNumber: body.idDocumentNumber ?? '',
      contact: { ...body.contact },
      informationDescription: body.informationDescription ?? '',
      deliveryForm: body.deliveryForm ?? ('' as 'paper'),
      deliveryWay: body.deliveryWay ?? ('' as 'post'),
    };
    validateApplication(application);
    const now = new Date();
    const instant = noonOf(body.receivedOn);
    const received = receivedDate(body.channel, { confirmedAt: instant, handedInAt: instant, signedForAt: instant });
    if (Number.isNaN(instant.getTime()) || received > shanghaiDate(now))
      throw new InvalidCommandError('DISCLOSURE_DATE_INVALID', 'A request is received today or earlier.', {
        field: 'receivedOn',
      });
    const requestId = currentStaffRequest()?.reserved ?? newDecisionId();
    const first: Extract<CaseEvent, { type: 'RequestReceived' }> = {
      type: 'RequestReceived',
      date: received,
      channel: body.channel,
      handlerId: actor.accountId,
    };
    let stored = await findDisclosureRequest(this.dataSource, requestId);
    if (!stored) {
      const { idDocumentNumber, idDocumentType, ...rest } = application;
      await registerDisclosureRequest(
        this.dataSource,
        {
          requestId,
          receipt: disclosureReceiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31))),
          unit: actor.unit,
          channel: body.channel,
          receivedDate: received,
          application: rest,
          document: deidentifyDocument(idDocumentType.trim(), idDocumentNumber, disclosurePepper(this.config)),
          first: {
            seq: 1,
            occurredAt: now.toISOString(),
            actor: { accountId: actor.accountId, role: actor.role },
            event: first,
          },
        },
        { secretHash: lookupSecretHash(staffLookupSecret(disclosurePepper(this.config), requestId)) },
      );
      stored = (await findDisclosureRequest(this.dataSource, requestId))!;
    }
    try {
      await startDisclosureCase(this.client, this.config.TASK_QUEUE, requestId, first);
    } catch (error) {
      throw toDomainError(error);
    }
    return { requestId, receipt: stored.receipt, receivedDate: stored.receivedDate, stage: stored.stage };
  }
}
