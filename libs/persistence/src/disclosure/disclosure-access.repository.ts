import { timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CaseEvent } from '../../../domain/src';
import { isUniqueViolation } from '../accounts/admin-events';
import {
  DisclosureAccessEntity,
  DisclosureApplicantEntity,
  DisclosureCaseLogEntity,
  DisclosureRequestEntity,
} from '../entities/disclosure.entity';
import { inTransaction } from '../transaction';
import { insertDisclosureRequest, type NewDisclosureRequest } from './disclosure.repository';

/** What the applicant's access row keeps (ADR 0098): never the secret, never the key in clear. */
export interface DisclosureAccess {
  secretHash: string;
  /** Present when the application came with an Idempotency-Key. */
  replay?: { keyHash: string; requestHash: string; sealedSecret: string };
}

/** An application already stored under an Idempotency-Key: what a retry answers. */
export interface StoredApplication {
  requestId: string;
  receipt: string;
  receivedDate: string;
  requestHash: string | null;
  sealedSecret: string | null;
  received: Extract<CaseEvent, { type: 'RequestReceived' }>;
}

/**
 * Registers an online request with its access row in one transaction, or — when another attempt with the
 * same key committed first (a double submit) — answers that attempt's application instead: never two cases.
 */
export async function registerOnlineDisclosureRequest(
  dataSource: DataSource,
  request: NewDisclosureRequest,
  access: DisclosureAccess,
  createdAt: string,
): Promise<{ stored: 'new' } | { stored: 'earlier'; application: StoredApplication }> {
  try {
    await inTransaction(dataSource, async (manager) => {
      await insertDisclosureRequest(manager, request);
      await manager.insert(DisclosureAccessEntity, {
        requestId: request.requestId,
        secretHash: access.secretHash,
        idempotencyKeyHash: access.replay?.keyHash ?? null,
        requestHash: access.replay?.requestHash ?? null,
        sealedSecret: access.replay?.sealedSecret ?? null,
        createdAt,
      });
    });
    return { stored: 'new' };
  } catch (error) {
    const earlier = access.replay && (await findApplicationByKey(dataSource, access.replay.keyHash));
    if (!isUniqueViolation(error) || !earlier) throw error;
    return { stored: 'earlier', application: earlier };
  }
}

/** The application stored under a (peppered) Idempotency-Key hash, or undefined. */
export async function findApplicationByKey(
  dataSource: DataSource,
  keyHash: string,
): Promise<StoredApplication | undefined> {
  const access = await dataSource.getRepository(DisclosureAccessEntity).findOneBy({ idempotencyKeyHash: keyHash });
  if (!access) return undefined;
  const request = await dataSource.getRepository(DisclosureRequestEntity).findOneBy({ requestId: access.requestId });
  const first = await dataSource
    .getRepository(DisclosureCaseLogEntity)
    .findOneBy({ requestId: access.requestId, seq: 1 });
  if (!request || !first) return undefined;
  return {
    requestId: request.requestId,
    receipt: request.receipt,
    receivedDate: request.receivedDate,
    requestHash: access.requestHash,
    sealedSecret: access.sealedSecret,
    received: JSON.parse(first.data) as StoredApplication['received'],
  };
}

/** A case as the holder of its receipt and secret reads it. */
export interface ApplicantCaseRecord {
  request: DisclosureRequestEntity;
  applicant: { name: string; idDocumentType: string; idDocumentLastFour: string; contact: string };
  events: CaseEvent[];
}

/**
 * The case of `receipt` when `secretHash` is its secret's hash (compared in constant time), else undefined:
 * an unknown receipt and a wrong secret cost the same one query and answer alike. A request registered by
 * staff (letters, visits, faxes) has its access row since ADR 123; one registered before has none.
 */
export async function findApplicantCase(
  dataSource: DataSource,
  receipt: string,
  secretHash: string,
): Promise<ApplicantCaseRecord | undefined> {
  const access = await dataSource.manager
    .createQueryBuilder()
    .select('a.request_id', 'id')
    .addSelect('a.secret_hash', 'hash')
    .from('disclosure_access', 'a')
    .innerJoin('disclosure_requests', 'r', 'r.request_id = a.request_id')
    .where('r.receipt = :receipt', { receipt })
    .getRawOne<{ id: string; hash: string }>();
  // Both are SHA-256 digests (32 bytes); an unknown receipt is compared against zeros, so it costs the same.
  const stored = Buffer.from(access?.hash ?? '0'.repeat(64), 'hex');
  if (!timingSafeEqual(Buffer.from(secretHash, 'hex'), stored) || !access) return undefined;
  const request = await dataSource.getRepository(DisclosureRequestEntity).findOneBy({ requestId: access.id });
  const applicant = await dataSource.getRepository(DisclosureApplicantEntity).findOneBy({ requestId: access.id });
  if (!request || !applicant) return undefined;
  const rows = await dataSource
    .getRepository(DisclosureCaseLogEntity)
    .find({ where: { requestId: access.id }, order: { seq: 'ASC' } });
  return {
    request,
    applicant: {
      name: applicant.name,
      idDocumentType: applicant.idDocumentType,
      idDocumentLastFour: applicant.idDocumentLastFour,
      contact: applicant.contact,
    },
    events: rows.map((row) => JSON.parse(row.data) as CaseEvent),
  };
}
