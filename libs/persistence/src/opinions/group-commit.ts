import type { DataSource, EntityManager } from 'typeorm';
import { OpinionEntity } from '../entities/opinion.entity';
import { isDatabaseUnavailable } from '../database-errors';
import { inTransaction } from '../transaction';
import { keyReused, notOpen, openIntakes } from './intake-window';
import { storeOpinion, type OpinionToStore, type Stored } from './opinion-intake.repository';

interface Pending {
  opinion: OpinionToStore;
  resolve: (stored: Stored) => void;
  reject: (error: unknown) => void;
}

type Outcome = { stored: Stored } | { error: Error };

/** Rows per INSERT statement: well under SQLite's bound-parameter limit (15 columns each). */
const INSERT_CHUNK = 200;

/**
 * Group commit of opinion intake (DESIGN.md §5): opinions that arrive while a commit is in flight are
 * stored together in the next transaction, so one durable commit (one fsync) serves many submitters.
 * There is no added delay: a lone opinion is committed at once, and batches grow only under load.
 *
 * Each opinion still gets its own answer: the window and the Idempotency-Key are checked per opinion in
 * the batch's transaction, and a caller's promise settles only after that transaction committed. If the
 * batch fails as a whole (a racing process inserted the same key, the database refused), every opinion of
 * it is retried on its own through `storeOpinion`, so one bad row never costs the others their receipt.
 */
export class OpinionGroupCommit {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
    private readonly maxBatch = 500,
  ) {}

  store(opinion: OpinionToStore): Promise<Stored> {
    return new Promise<Stored>((resolve, reject) => {
      this.queue.push({ opinion, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests of the same event-loop turn join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.flush(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await inTransaction(this.dataSource, (manager) =>
        this.commit(
          manager,
          batch.map((p) => p.opinion),
        ),
      );
    } catch (error) {
      // A database that is down or locked would refuse each retry too, after its own busy timeout
      // (SQLite's blocks the whole process): the batch fails as one, and its clients retry.
      if (isDatabaseUnavailable(error)) return batch.forEach((p) => p.reject(error));
      await Promise.all(batch.map((p) => storeOpinion(this.dataSource, p.opinion, this.now).then(p.resolve, p.reject)));
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if ('stored' in outcome) p.resolve(outcome.stored);
      else p.reject(outcome.error);
    });
  }

  private async commit(manager: EntityManager, opinions: OpinionToStore[]): Promise<Outcome[]> {
    const decisionIds = [...new Set(opinions.map((o) => o.decisionId))];
    // One instant for the batch: the window is judged at the very time the rows are stamped with.
    const receivedAt = this.now().toISOString();
    const intakes = await openIntakes(manager, decisionIds, receivedAt);
    const earlier = await storedKeys(manager, decisionIds, opinions);
    const inBatch = new Map<string, OpinionToStore>();
    const rows: OpinionEntity[] = [];
    const outcomes = opinions.map((opinion): Outcome => {
      const key = opinion.idempotencyKey === null ? undefined : `${opinion.decisionId}\n${opinion.idempotencyKey}`;
      const previous = key === undefined ? undefined : (earlier.get(key) ?? inBatch.get(key));
      if (previous) {
        if (previous.requestHash !== opinion.requestHash) return { error: keyReused() };
        const stored = earlier.get(key!);
        return { stored: { receipt: previous.receipt, receivedAt: stored?.receivedAt ?? receivedAt, replayed: true } };
      }
      const intake = intakes.get(opinion.decisionId);
      if (!intake || 'closed' in intake)
        return { error: notOpen(intake && 'closed' in intake ? intake.closed : undefined) };
      if (key !== undefined) inBatch.set(key, opinion);
      rows.push({
        ...opinion,
        phase: intake.phase,
        round: intake.round,
        receivedAt,
        status: 'published',
        withheldReason: null,
        clusterId: null,
      });
      return { stored: { receipt: opinion.receipt, receivedAt, replayed: false } };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await manager.insert(OpinionEntity, rows.slice(i, i + INSERT_CHUNK));
    return outcomes;
  }
}

/** The opinions already stored under the batch's Idempotency-Keys, by `decision\nkey`. */
async function storedKeys(
  manager: EntityManager,
  decisionIds: string[],
  opinions: OpinionToStore[],
): Promise<Map<string, { receipt: string; receivedAt: string; requestHash: string }>> {
  const keys = [...new Set(opinions.flatMap((o) => (o.idempotencyKey === null ? [] : [o.idempotencyKey])))];
  const found = new Map<string, { receipt: string; receivedAt: string; requestHash: string }>();
  if (keys.length === 0) return found;
  const rows = await manager
    .createQueryBuilder(OpinionEntity, 'o')
    .select(['o.receipt', 'o.decisionId', 'o.idempotencyKey', 'o.requestHash', 'o.receivedAt'])
    .where('o.decision_id IN (:...decisionIds) AND o.idempotency_key IN (:...keys)', { decisionIds, keys })
    .getMany();
  for (const row of rows)
    found.set(`${row.decisionId}\n${row.idempotencyKey}`, {
      receipt: row.receipt,
      receivedAt: row.receivedAt,
      requestHash: row.requestHash,
    });
  return found;
}
