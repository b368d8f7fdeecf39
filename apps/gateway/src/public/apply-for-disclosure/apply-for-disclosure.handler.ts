import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  canonicalize,
  deidentifyDocument,
  type DisclosureApplication,
  disclosureReceiptFrom,
  DomainError,
  InvalidCommandError,
  lookupSecretFrom,
  lookupSecretHash,
  RECEIPT_SYMBOLS,
  receivedDate,
  SECRET_BYTES,
  UNASSIGNED_HANDLER_ID,
  validateOnlineApplication,
} from '../../../../../libs/domain/src';
import {
  findApplicationByKey,
  listUnits,
  registerOnlineDisclosureRequest,
  type StoredApplication,
} from '../../../../../libs/persistence/src';
import { startDisclosureCase } from '../../../../../libs/temporal/src';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import { disclosurePepper, type GatewayConfig } from '../../config';

/** An application as the public sends it: the fields of art.29 and the agency it is for. */
export interface PublicApplication extends DisclosureApplication {
  unit: string;
}

/** What the applicant gets back: the receipt, the secret (shown here only) and the day of receipt. */
export interface ApplicationReceipt {
  receipt: string;
  secret: string;
  receivedDate: string;
  /** True when an earlier attempt with the same Idempotency-Key stored it. */
  replayed: boolean;
}

const KEY = /^[\x21-\x7E]{1,128}$/;

@Injectable()
export class ApplyForDisclosureHandler {
  private readonly pepper: string;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {
    this.pepper = disclosurePepper(config);
  }

  /**
   * Validates the application (art.29), stores it with the identity number de-identified (ADR 68) and a
   * lookup secret's hash, then starts its case (ADR 83). It counts as received today: the receipt answered
   * here is the confirmation both sides have (art.31(3)). With an Idempotency-Key, a retry of the same body
   * answers the same receipt and secret and never opens a second case; another body is IDEMPOTENCY_KEY_REUSED.
   */
  async execute(typed: PublicApplication, idempotencyKey: string | undefined): Promise<ApplicationReceipt> {
    const application = tidy(typed);
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey))
      throw new DomainError(
        'INVALID_IDEMPOTENCY_KEY',
        'invalid',
        'Idempotency-Key must be 1–128 printable ASCII characters.',
      );
    validateOnlineApplication(application);
    if (!(await listUnits(this.dataSource)).some((unit) => unit.id === application.unit))
      throw new InvalidCommandError('DISCLOSURE_UNIT_UNKNOWN', `No agency ${application.unit}.`, { field: 'unit' });
    const requestHash = this.keyed('disclosure-request', canonicalize({ ...application }));
    const keyHash = idempotencyKey === undefined ? undefined : this.keyed('disclosure-key', idempotencyKey);
    const earlier = keyHash && (await findApplicationByKey(this.dataSource, keyHash));
    if (earlier) return this.replay(earlier, requestHash, idempotencyKey!);
    return this.register(application, requestHash, keyHash, idempotencyKey);
  }

  private async register(
    application: PublicApplication,
    requestHash: string,
    keyHash: string | undefined,
    idempotencyKey: string | undefined,
  ): Promise<ApplicationReceipt> {
    const now = new Date();
    const { unit, idDocumentType, idDocumentNumber, ...rest } = application;
    const requestId = randomUUID();
    const received = {
      type: 'RequestReceived' as const,
      date: receivedDate('online', { confirmedAt: now }),
      channel: 'online' as const,
      handlerId: UNASSIGNED_HANDLER_ID,
    };
    const secret = lookupSecretFrom(randomBytes(SECRET_BYTES));
    const receipt = disclosureReceiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31)));
    const result = await registerOnlineDisclosureRequest(
      this.dataSource,
      {
        requestId,
        receipt,
        unit,
        channel: 'online',
        receivedDate: received.date,
        application: rest,
        document: deidentifyDocument(idDocumentType, idDocumentNumber, this.pepper),
        first: { seq: 1, occurredAt: now.toISOString(), actor: { channel: 'online' }, event: received },
      },
      {
        secretHash: lookupSecretHash(secret),
        ...(keyHash && idempotencyKey
          ? { replay: { keyHash, requestHash, sealedSecret: this.seal(secret, idempotencyKey) } }
          : {}),
      },
      now.toISOString(),
    );
    if (result.stored === 'earlier') return this.replay(result.application, requestHash, idempotencyKey!);
    await startDisclosureCase(this.client, this.config.TASK_QUEUE, requestId, received);
    return { receipt, secret, receivedDate: received.date, replayed: false };
  }

  /** The answer of the attempt that stored it; its case is started again in case that attempt died first. */
  private async replay(earlier: StoredApplication, requestHash: string, key: string): Promise<ApplicationReceipt> {
    if (earlier.requestHash !== requestHash || !earlier.sealedSecret)
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'invalid',
        'This Idempotency-Key was used for a different application; send a new application with a new key.',
      );
    await startDisclosureCase(this.client, this.config.TASK_QUEUE, earlier.requestId, earlier.received);
    const secret = this.unseal(earlier.sealedSecret, key);
    return { receipt: earlier.receipt, secret, receivedDate: earlier.receivedDate, replayed: true };
  }

  private keyed(purpose: string, value: string): string {
    return createHmac('sha256', this.pepper).update(`${purpose}\n${value}`).digest('hex');
  }

  /** The secret under AES-256-GCM with a key from the pepper and the Idempotency-Key (neither is stored). */
  private seal(secret: string, idempotencyKey: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey(idempotencyKey), iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private unseal(sealed: string, idempotencyKey: string): string {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey(idempotencyKey), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  }

  private sealKey(idempotencyKey: string): Buffer {
    return createHmac('sha256', this.pepper).update(`disclosure-seal\n${idempotencyKey}`).digest();
  }
}

/** Surrounding spaces trimmed, empty contact fields left out: what is validated, hashed and stored. */
function tidy(typed: PublicApplication): PublicApplication {
  const contact = Object.fromEntries(
    (['phone', 'email', 'address'] as const).flatMap((field) => {
      const value = typed.contact?.[field]?.trim();
      return value ? [[field, value]] : [];
    }),
  );
  return {
    unit: typed.unit?.trim() ?? '',
    applicantKind: typed.applicantKind,
    applicantName: typed.applicantName?.trim() ?? '',
    idDocumentType: typed.idDocumentType,
    idDocumentNumber: typed.idDocumentNumber?.trim() ?? '',
    contact,
    informationDescription: typed.informationDescription?.trim() ?? '',
    deliveryForm: typed.deliveryForm,
    deliveryWay: typed.deliveryWay,
  };
}
