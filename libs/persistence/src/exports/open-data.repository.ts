import type { ConsultationCounts } from '../../../domain/src';
import { In, type DataSource } from 'typeorm';
import { fromDecisionEntity } from '../decision-mapping';
import { DecisionEntity } from '../entities/decision.entity';
import { ConsultationEntity, OpinionEntity } from '../entities/opinion.entity';
import { toPublicDecision, type PublicDecision } from '../public-read.repository';

/**
 * Open-data exports (SPEC.md §7): every public decision, and every published opinion of one, read page
 * by page with keyset pagination so that an export of millions of rows never holds more than a page in
 * memory. Pages are separate queries, not one snapshot (a long download must not hold a transaction
 * open): the keys never change (triggers fix an opinion's receipt and time), so no row is exported
 * twice and none that stays public for the whole export is missed; one withheld meanwhile may or may not be in it.
 */

/** The consultation of a decision as its public log already tells it (ConsultationOpened/Extended/Closed). */
export interface OpenDataConsultation {
  round: number;
  status: 'open' | 'sealed';
  opensAt: string;
  closesAt: string;
  sealedAt: string | null;
  /** Frozen at the seal; null while open. */
  counts: ConsultationCounts | null;
  feedbackPublishedAt: string | null;
}

/** A public decision: exactly the public view of `GET /public/decisions/{id}`, plus its consultation. */
export type OpenDataDecision = PublicDecision & { consultation: OpenDataConsultation | null };

/**
 * A published opinion, de-identified. Never its receipt (the submitter's private lookup key), raw text,
 * contact, idempotency key or request hash. Cluster and answer only once the feedback is published.
 */
export interface OpenDataOpinion {
  decisionId: string;
  phase: string;
  round: number;
  channel: string;
  section: string | null;
  receivedAt: string;
  text: string;
  clusterId: string | null;
  answer: { verdict: string; text: string } | null;
}

function toConsultation(row: ConsultationEntity): OpenDataConsultation {
  return {
    round: Number(row.round),
    status: row.status === 'sealed' ? 'sealed' : 'open',
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    sealedAt: row.sealedAt,
    counts: row.counts ? (JSON.parse(row.counts) as ConsultationCounts) : null,
    feedbackPublishedAt: row.feedbackPublishedAt,
  };
}

/** One page of public decisions after `afterId`, in id order. */
async function publicDecisionPage(
  dataSource: DataSource,
  afterId: string,
  pageSize: number,
  only?: string,
): Promise<DecisionEntity[]> {
  const query = dataSource.manager
    .createQueryBuilder(DecisionEntity, 'd')
    .where('d.public_visible = :visible', { visible: true })
    .andWhere('d.id > :afterId', { afterId });
  if (only !== undefined) query.andWhere('d.id = :only', { only });
  return query.orderBy('d.id', 'ASC').take(pageSize).getMany();
}

/** Every public decision in id order (never a confidential one before its publication, SPEC.md §3.8). */
export async function* streamOpenDataDecisions(
  dataSource: DataSource,
  pageSize = 500,
): AsyncGenerator<OpenDataDecision> {
  let afterId = '';
  for (;;) {
    const page = await publicDecisionPage(dataSource, afterId, pageSize);
    if (page.length === 0) return;
    const consultations = await dataSource.manager.findBy(ConsultationEntity, {
      decisionId: In(page.map((d) => d.id)),
    });
    const byId = new Map(consultations.map((c) => [c.decisionId, toConsultation(c)]));
    for (const entity of page)
      yield { ...toPublicDecision(fromDecisionEntity(entity)), consultation: byId.get(entity.id) ?? null };
    afterId = page.at(-1)!.id;
  }
}

interface OpinionRow {
  receipt: string;
  received_at: string;
  phase: string;
  round: number | string;
  channel: string;
  section: string | null;
  text_public: string;
  cluster_id: string | null;
  opinion_verdict?: string | null;
  opinion_text?: string | null;
  cluster_verdict?: string | null;
  cluster_text?: string | null;
}

/**
 * A page of a decision's published opinions after the key (receivedAt, receipt). Answers are joined
 * only when the feedback is published, so that unpublished answer drafts never leave the database.
 */
async function opinionPage(
  dataSource: DataSource,
  decisionId: string,
  feedbackPublished: boolean,
  after: [string, string],
  pageSize: number,
): Promise<OpinionRow[]> {
  const query = dataSource.manager
    .createQueryBuilder(OpinionEntity, 'o')
    .select('o.receipt', 'receipt')
    .addSelect('o.received_at', 'received_at')
    .addSelect('o.phase', 'phase')
    .addSelect('o.round', 'round')
    .addSelect('o.channel', 'channel')
    .addSelect('o.section', 'section')
    .addSelect('o.text_public', 'text_public')
    .addSelect('o.cluster_id', 'cluster_id')
    .where('o.decision_id = :decisionId AND o.status = :published', { decisionId, published: 'published' })
    .andWhere('(o.received_at, o.receipt) > (:afterAt, :afterReceipt)', { afterAt: after[0], afterReceipt: after[1] });
  if (feedbackPublished) {
    query
      .addSelect('oa.verdict', 'opinion_verdict')
      .addSelect('oa.text', 'opinion_text')
      .addSelect('ca.verdict', 'cluster_verdict')
      .addSelect('ca.text', 'cluster_text')
      .leftJoin(
        'opinion_answers',
        'oa',
        "oa.decision_id = o.decision_id AND oa.target_kind = 'opinion' AND oa.target_id = o.receipt AND o.phase = 'consultation'",
      )
      .leftJoin(
        'opinion_answers',
        'ca',
        "ca.decision_id = o.decision_id AND ca.target_kind = 'cluster' AND ca.target_id = o.cluster_id AND o.phase = 'consultation'",
      );
  }
  return query.orderBy('o.received_at', 'ASC').addOrderBy('o.receipt', 'ASC').limit(pageSize).getRawMany<OpinionRow>();
}

function toOpenDataOpinion(decisionId: string, feedbackPublished: boolean, row: OpinionRow): OpenDataOpinion {
  const answered = feedbackPublished && row.phase === 'consultation';
  const verdict = row.opinion_verdict ?? row.cluster_verdict ?? null;
  const text = row.opinion_verdict ? row.opinion_text : row.cluster_text;
  return {
    decisionId,
    phase: row.phase,
    round: Number(row.round),
    channel: row.channel,
    section: row.section,
    receivedAt: row.received_at,
    text: row.text_public,
    clusterId: answered ? row.cluster_id : null,
    answer: answered && verdict ? { verdict, text: text ?? '' } : null,
  };
}

/**
 * Published opinions of public decisions (of one when `decisionId` is given), in the order
 * (decisionId, receivedAt, receipt), `pageSize` rows per query. Withheld opinions are left out. Cluster
 * and answer (the opinion's own, else its cluster's) appear only once the decision's feedback report is
 * published; until then clusters and answers are staff working data. A decision that is not public,
 * or is confidential, yields nothing.
 */
export async function* streamOpenDataOpinions(
  dataSource: DataSource,
  options: { decisionId?: string; pageSize?: number } = {},
): AsyncGenerator<OpenDataOpinion> {
  const pageSize = options.pageSize ?? 2000;
  let afterId = '';
  for (;;) {
    const decisions = await publicDecisionPage(dataSource, afterId, 500, options.decisionId);
    if (decisions.length === 0) return;
    const consultations = await dataSource.manager.find(ConsultationEntity, {
      where: { decisionId: In(decisions.map((d) => d.id)) },
      select: { decisionId: true, feedbackPublishedAt: true },
    });
    const published = new Set(consultations.filter((c) => c.feedbackPublishedAt !== null).map((c) => c.decisionId));
    // A confidential decision's opinions never appear on a public surface, even once it is published (ADR 29).
    for (const { id } of decisions.filter((d) => !d.confidential)) {
      let after: [string, string] = ['', ''];
      for (;;) {
        const rows = await opinionPage(dataSource, id, published.has(id), after, pageSize);
        for (const row of rows) yield toOpenDataOpinion(id, published.has(id), row);
        if (rows.length < pageSize) break;
        after = [rows.at(-1)!.received_at, rows.at(-1)!.receipt];
      }
    }
    afterId = decisions.at(-1)!.id;
  }
}
