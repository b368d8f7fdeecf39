import type { DataSource, EntityManager } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { OpinionEntity } from '../entities/opinion.entity';
import { isUniqueViolation } from '../accounts/admin-events';
import { inTransaction } from '../transaction';
import { keyReused, notOpen, openIntakes } from './intake-window';

/** An opinion ready to store: validated, de-identified, with its receipt. */
export interface OpinionToStore {
  receipt: string;
  decisionId: string;
  channel: string;
  section: string | null;
  textRaw: string;
  textPublic: string;
  contact: string | null;
  idempotencyKey: string | null;
  /** sha256 of the canonical request: the same key with another body is refused. */
  requestHash: string;
}

export interface Stored {
  receipt: string;
  receivedAt: string;
  /** True when an earlier request with the same Idempotency-Key had stored it. */
  replayed: boolean;
}

async function findByKey(manager: EntityManager, opinion: OpinionToStore): Promise<Stored | undefined> {
  if (!opinion.idempotencyKey) return undefined;
  const existing = await manager.findOneBy(OpinionEntity, {
    decisionId: opinion.decisionId,
    idempotencyKey: opinion.idempotencyKey,
  });
  if (!existing) return undefined;
  if (existing.requestHash !== opinion.requestHash) throw keyReused();
  return { receipt: existing.receipt, receivedAt: existing.receivedAt, replayed: true };
}

/**
 * Stores an opinion durably while the consultation is open, and only then answers with its receipt.
 * The window is read in the same transaction as the insert (PostgreSQL: FOR SHARE, so the seal waits
 * for this transaction; SQLite: the write lock), so no opinion lands after the seal and none that got a
 * receipt is left out of it. The same Idempotency-Key returns the stored receipt, never a second row,
 * also when two requests race (the unique index decides; the loser reads the winner's receipt).
 */
export async function storeOpinion(dataSource: DataSource, opinion: OpinionToStore, now: () => Date): Promise<Stored> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      const replay = await findByKey(manager, opinion);
      if (replay) return replay;
      const receivedAt = now().toISOString();
      const intake = (await openIntakes(manager, [opinion.decisionId], receivedAt)).get(opinion.decisionId);
      if (!intake || 'closed' in intake) throw notOpen(intake && 'closed' in intake ? intake.closed : undefined);
      await manager.insert(OpinionEntity, {
        ...opinion,
        ...intake,
        receivedAt,
        status: 'published',
        withheldReason: null,
        clusterId: null,
      });
      return { receipt: opinion.receipt, receivedAt, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error) || !opinion.idempotencyKey) throw error;
    const replay = await findByKey(dataSource.manager, opinion);
    if (!replay) throw error;
    return replay;
  }
}

export interface ReceiptStatus {
  receipt: string;
  decisionId: string;
  channel: string;
  receivedAt: string;
  status: 'published' | 'withheld';
}

export async function findReceipt(dataSource: DataSource, receipt: string): Promise<ReceiptStatus | undefined> {
  const row = await dataSource.manager.findOne(OpinionEntity, {
    where: { receipt },
    select: { receipt: true, decisionId: true, channel: true, receivedAt: true, status: true },
  });
  return row
    ? {
        receipt: row.receipt,
        decisionId: row.decisionId,
        channel: row.channel,
        receivedAt: row.receivedAt,
        status: row.status as ReceiptStatus['status'],
      }
    : undefined;
}

export interface PublicOpinion {
  text: string;
  section: string | null;
  channel: string;
  receivedAt: string;
}

/** Published opinions in their de-identified form only, oldest first. Never the raw text or contact. */
export async function listPublishedOpinions(
  dataSource: DataSource,
  decisionId: string,
  page: number,
  pageSize: number,
): Promise<{ items: PublicOpinion[]; total: number }> {
  // A confidential decision's opinions are never public, not even ones stored before its intake was closed (ADR 29).
  if (await dataSource.manager.existsBy(DecisionEntity, { id: decisionId, confidential: true }))
    return { items: [], total: 0 };
  const [rows, total] = await dataSource.manager.findAndCount(OpinionEntity, {
    where: { decisionId, status: 'published' },
    select: { receipt: true, textPublic: true, section: true, channel: true, receivedAt: true },
    order: { receivedAt: 'ASC', receipt: 'ASC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return {
    items: rows.map((r) => ({ text: r.textPublic, section: r.section, channel: r.channel, receivedAt: r.receivedAt })),
    total,
  };
}

export interface StaffOpinion extends PublicOpinion {
  receipt: string;
  textRaw: string;
  contact: Record<string, string> | null;
  status: string;
  withheldReason: string | null;
}

/**
 * Every opinion of a decision (or of one of its clusters) with its raw text and contact: for staff only,
 * never a public surface.
 */
export async function listOpinionsForStaff(
  dataSource: DataSource,
  decisionId: string,
  page: number,
  pageSize: number,
  filter: { clusterId?: string } = {},
): Promise<{ items: StaffOpinion[]; total: number }> {
  const [rows, total] = await dataSource.manager.findAndCount(OpinionEntity, {
    where: { decisionId, ...filter },
    order: { receivedAt: 'ASC', receipt: 'ASC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return {
    items: rows.map((r) => ({
      receipt: r.receipt,
      text: r.textPublic,
      textRaw: r.textRaw,
      contact: r.contact ? (JSON.parse(r.contact) as Record<string, string>) : null,
      section: r.section,
      channel: r.channel,
      receivedAt: r.receivedAt,
      status: r.status,
      withheldReason: r.withheldReason,
    })),
    total,
  };
}
