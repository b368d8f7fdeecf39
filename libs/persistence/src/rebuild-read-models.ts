import { projectDecision, type DecisionRecord, type InternalEventDraft } from '../../domain/src';
import type { DataSource, EntityManager } from 'typeorm';
import { toDecisionEntity } from './decision-mapping';
import { rebuildSearchTexts } from './decision-search';
import { DecisionEntity } from './entities/decision.entity';
import { InternalEventEntity } from './entities/internal-event.entity';
import { inTransaction } from './transaction';

/**
 * Rebuilds the decision read model from the internal log, and the catalogue's search text from the
 * public log (ADR 0125): the same fold `appendEvents` applies live,
 * so the result equals what was maintained. Streams the log in pages (keyset on decision_id, seq), never
 * holding more than one page and one decision in memory; runs in one transaction, so readers see the
 * old or the new table, never a half-built one. Returns how many decisions were rebuilt.
 */
export async function rebuildReadModels(dataSource: DataSource, pageSize = 1_000): Promise<number> {
  return inTransaction(dataSource, async (manager) => {
    await manager.createQueryBuilder().delete().from(DecisionEntity).execute();
    let count = 0;
    let current: DecisionRecord | undefined;
    let after = { decisionId: '', seq: 0 };
    for (;;) {
      const rows = await nextPage(manager, after, pageSize);
      for (const row of rows) {
        if (current && current.id !== row.decisionId) {
          await manager.insert(DecisionEntity, toDecisionEntity(current));
          count += 1;
          current = undefined;
        }
        current = projectDecision(current, row.decisionId, toDraft(row));
      }
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) break;
      after = { decisionId: last.decisionId, seq: last.seq };
    }
    if (current) {
      await manager.insert(DecisionEntity, toDecisionEntity(current));
      count += 1;
    }
    await rebuildSearchTexts(manager, pageSize);
    return count;
  });
}

function nextPage(
  manager: EntityManager,
  after: { decisionId: string; seq: number },
  pageSize: number,
): Promise<InternalEventEntity[]> {
  return manager
    .createQueryBuilder(InternalEventEntity, 'e')
    .where('(e.decision_id > :id OR (e.decision_id = :id AND e.seq > :seq))', { id: after.decisionId, seq: after.seq })
    .orderBy('e.decision_id', 'ASC')
    .addOrderBy('e.seq', 'ASC')
    .limit(pageSize)
    .getMany();
}

function toDraft(row: InternalEventEntity): InternalEventDraft {
  return {
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurredAt,
    actor: JSON.parse(row.actor) as InternalEventDraft['actor'],
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
