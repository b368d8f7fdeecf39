import { randomInt } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { RECEIPT_SYMBOLS, receiptFrom, SYSTEM_ACTOR, type DecisionStatus, type Stage } from '../../libs/domain/src';
import { appendEvents, sealConsultation } from '../../libs/persistence/src';
import { OpinionClusterEntity } from '../../libs/persistence/src/entities/feedback.entity';
import { ConsultationEntity, OpinionEntity } from '../../libs/persistence/src/entities/opinion.entity';

// Seeds the read models of a decision in the feedback stage through the same projections the workflow's
// appends drive, and its opinions and clusters directly, for integration tests of the feedback work.

export const newReceipt = (): string => receiptFrom(Array.from({ length: RECEIPT_SYMBOLS }, () => randomInt(31)));

const status = (stage: Stage): DecisionStatus => ({
  stage,
  publicVisible: true,
  due: [],
  progress: null,
  nextDueAt: null,
  overdue: false,
});

export const OPENS_AT = '2026-11-02T00:00:00.000Z';
export const CLOSES_AT = '2026-12-02T00:00:00.000Z';

export interface SeedOpinion {
  receipt?: string;
  text?: string;
  channel?: string;
  status?: 'published' | 'withheld';
  withheldReason?: string;
  receivedAt?: string;
  phase?: 'consultation' | 'execution';
  contact?: Record<string, string>;
}

/** Appends one internal event at the next seq (the workflow's numbering), driving the projections. */
export async function appendInternal(
  dataSource: DataSource,
  decisionId: string,
  type: string,
  data: Record<string, unknown>,
  stage: Stage,
  occurredAt = new Date().toISOString(),
): Promise<void> {
  const [row] = (await dataSource.query(
    `SELECT COALESCE(MAX(seq), 0) AS seq FROM internal_events WHERE decision_id = '${decisionId}'`,
  )) as [{ seq: string | number }];
  const seq = Number(row.seq) + 1;
  await appendEvents(dataSource, decisionId, {
    public: [],
    internal: [{ seq, type, occurredAt, actor: SYSTEM_ACTOR, data: { ...data, status: status(stage) } }],
  });
}

/** A registered decision whose consultation opened, received `opinions`, and (unless `sealed: false`) closed. */
export async function seedDecision(
  dataSource: DataSource,
  decisionId: string,
  opinions: SeedOpinion[],
  options: { sealed?: boolean; unit?: string } = {},
): Promise<string[]> {
  const registration = {
    title: '停车收费调整',
    summary: 's',
    unit: options.unit ?? 'unit-a',
    category: 'c',
    confidential: false,
    riskAssessmentRequired: false,
    plannedDates: {},
  };
  await appendInternal(dataSource, decisionId, 'DecisionRegistered', registration, 'drafting', OPENS_AT);
  await appendInternal(
    dataSource,
    decisionId,
    'ConsultationOpened',
    { opensAt: OPENS_AT, closesAt: CLOSES_AT },
    'consultation',
    OPENS_AT,
  );
  const rows = opinions.map((o, i) => {
    const receipt = o.receipt ?? newReceipt();
    const text = o.text ?? `意见 ${i}`;
    return {
      receipt,
      decisionId,
      phase: o.phase ?? 'consultation',
      channel: o.channel ?? 'online',
      section: null,
      textRaw: text,
      textPublic: text.replace(/1\d{10}/g, '***********'),
      contact: o.contact ? JSON.stringify(o.contact) : null,
      idempotencyKey: null,
      requestHash: receipt,
      receivedAt: o.receivedAt ?? '2026-11-10T00:00:00.000Z',
      status: o.status ?? 'published',
      withheldReason: o.withheldReason ?? null,
      round: o.phase === 'execution' ? 0 : 1,
      clusterId: null,
    };
  });
  const receipts = rows.map((r) => r.receipt);
  // Trap (TypeORM 1.1, SQLite): a multi-row insert writes re-read keys back into the objects in key order.
  for (let i = 0; i < rows.length; i += 200) await dataSource.manager.insert(OpinionEntity, rows.slice(i, i + 200));
  if (options.sealed !== false) {
    await sealConsultation(dataSource, decisionId, new Date(CLOSES_AT));
    await appendInternal(dataSource, decisionId, 'ConsultationClosed', { closedAt: CLOSES_AT }, 'feedback', CLOSES_AT);
  }
  return receipts;
}

/**
 * Clusters as the clustering activity leaves them: rows, opinions' cluster ids, `clustered_at` — with
 * their labels confirmed by staff (ADR 77) unless a cluster says `labelConfirmed: false`.
 */
export async function seedClusters(
  dataSource: DataSource,
  decisionId: string,
  clusters: Array<{ clusterId: string; label: string; receipts: string[]; labelConfirmed?: boolean }>,
): Promise<void> {
  const at = '2026-12-03T00:00:00.000Z';
  for (const c of clusters) {
    await dataSource.manager.insert(OpinionClusterEntity, {
      decisionId,
      clusterId: c.clusterId,
      round: 1,
      label: c.label,
      labelConfirmedAt: c.labelConfirmed === false ? null : at,
      origin: 'auto',
      size: c.receipts.length,
      representative: c.receipts[0] ?? null,
      keywords: null,
      createdAt: at,
      updatedAt: at,
    });
    for (let i = 0; i < c.receipts.length; i += 200) {
      await dataSource.manager.update(
        OpinionEntity,
        { receipt: In(c.receipts.slice(i, i + 200)) },
        { clusterId: c.clusterId },
      );
    }
  }
  await dataSource.manager.update(ConsultationEntity, { decisionId }, { clusteredAt: at });
}
