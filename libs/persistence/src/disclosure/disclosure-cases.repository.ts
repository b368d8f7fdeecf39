import type { CaseEvent } from '../../../domain/src';
import type { DataSource } from 'typeorm';
import type { AttachmentStore } from '../attachments/attachment-store';
import { DisclosureCaseLogEntity, DisclosureRequestEntity } from '../entities/disclosure.entity';
import { readCaseLog } from './disclosure.repository';

/** A request's case row with its events in log order: what the staff list and case page fold. */
export interface DisclosureCaseRecord {
  request: DisclosureRequestEntity;
  events: CaseEvent[];
}

/**
 * The requests of `unit` (every unit when undefined), archived ones only when `archived`, newest received
 * first, at most `limit`, each with its case events: the staff list computes the clocks from them (no due
 * date is stored, ADR 67). Two queries whatever the count.
 */
export async function listDisclosureCases(
  dataSource: DataSource,
  options: { unit?: string; archived?: boolean; limit: number },
): Promise<DisclosureCaseRecord[]> {
  const query = dataSource
    .getRepository(DisclosureRequestEntity)
    .createQueryBuilder('r')
    .orderBy('r.received_date', 'DESC')
    .addOrderBy('r.request_id', 'ASC')
    .limit(options.limit);
  query.where(options.archived ? 'r.stage = :archive' : 'r.stage <> :archive', { archive: 'archive' });
  if (options.unit) query.andWhere('r.unit = :unit', { unit: options.unit });
  const requests = await query.getMany();
  if (requests.length === 0) return [];
  const rows = await dataSource
    .getRepository(DisclosureCaseLogEntity)
    .createQueryBuilder('l')
    .where('l.request_id IN (:...ids)', { ids: requests.map((r) => r.requestId) })
    .orderBy('l.request_id', 'ASC')
    .addOrderBy('l.seq', 'ASC')
    .getMany();
  const events = new Map<string, CaseEvent[]>();
  for (const row of rows) {
    const list = events.get(row.requestId) ?? [];
    list.push(JSON.parse(row.data) as CaseEvent);
    events.set(row.requestId, list);
  }
  return requests.map((request) => ({ request, events: events.get(request.requestId) ?? [] }));
}

/** The reply document issued to the applicant: its sha256 as the case log recorded it, and its bytes. */
export interface IssuedReplyDocument {
  requestId: string;
  sha256: string;
  issuedDate: string;
  outcome: string;
  pdf: Buffer;
}

/**
 * The issued reply document of a request (ADR 103), or null before the reply is issued: the `Replied`
 * entry of the case log names it by sha256, and the attachment store keeps the PDF. The public lookup
 * may serve it to the applicant; it carries no identity number and no contact (only the masked name).
 */
export async function findIssuedReplyDocument(
  dataSource: DataSource,
  store: AttachmentStore,
  requestId: string,
): Promise<IssuedReplyDocument | null> {
  const entries = await readCaseLog(dataSource, requestId);
  const replied = entries.find((entry) => entry.event.type === 'Replied')?.event;
  if (replied?.type !== 'Replied' || !replied.document) return null;
  const pdf = await store.get(replied.document.sha256);
  if (!pdf) return null;
  return { requestId, sha256: replied.document.sha256, issuedDate: replied.date, outcome: replied.outcome, pdf };
}
