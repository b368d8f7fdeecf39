import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  canonicalize,
  DEFAULT_POLICY,
  deidentify,
  DomainError,
  RECEIPT_SYMBOLS,
  receiptFrom,
  validateOpinion,
  type OpinionInput,
  type SubmitterContact,
} from '../../../../../libs/domain/src';
import {
  findPublicDecision,
  sha256Hex,
  type OpinionGroupCommit,
  type Stored,
} from '../../../../../libs/persistence/src';
import { DATA_SOURCE, OPINION_INTAKE } from '../../common/tokens';

const KEY = /^[\x21-\x7E]{1,128}$/;

@Injectable()
export class SubmitOpinionHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OPINION_INTAKE) private readonly intake: OpinionGroupCommit,
  ) {}

  /**
   * Validates, de-identifies and durably stores an opinion; the receipt is answered only after the
   * commit. The raw text and contact are kept for the owning unit's staff and never leave the staff API.
   */
  async execute(decisionId: string, input: OpinionInput, idempotencyKey: string | undefined): Promise<Stored> {
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
      throw new DomainError(
        'INVALID_IDEMPOTENCY_KEY',
        'invalid',
        'Idempotency-Key must be 1–128 printable ASCII characters.',
      );
    }
    validateOpinion(input, DEFAULT_POLICY.opinionMaxChars);
    const contact = input.contact && Object.values(input.contact).some(Boolean) ? input.contact : undefined;
    return this.store(decisionId, input, contact, idempotencyKey);
  }

  /**
   * The intake transaction decides; only when the decision has no consultation window at all is one
   * more read needed, to answer 404 for an unknown or non-public decision (a confidential one never has
   * a window) rather than 409.
   */
  private async store(
    decisionId: string,
    input: OpinionInput,
    contact: SubmitterContact | undefined,
    idempotencyKey: string | undefined,
  ): Promise<Stored> {
    try {
      return await this.insert(decisionId, input, contact, idempotencyKey);
    } catch (error) {
      const noWindow =
        error instanceof DomainError && error.code === 'CONSULTATION_NOT_OPEN' && error.details?.['window'] === null;
      if (noWindow && !(await findPublicDecision(this.dataSource, decisionId))) {
        throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No public decision ${decisionId}.`);
      }
      throw error;
    }
  }

  private insert(
    decisionId: string,
    input: OpinionInput,
    contact: SubmitterContact | undefined,
    idempotencyKey: string | undefined,
  ): Promise<Stored> {
    const textPublic = deidentify(input.text, contact).text;
    return this.intake.store({
      receipt: receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31))),
      decisionId,
      channel: 'online',
      section: input.section ? deidentify(input.section, contact).text : null,
      textRaw: input.text,
      textPublic,
      contact: contact ? JSON.stringify(contact) : null,
      idempotencyKey: idempotencyKey ?? null,
      requestHash: sha256Hex(
        canonicalize({ text: input.text, section: input.section ?? null, contact: contact ?? null }),
      ),
    });
  }
}
