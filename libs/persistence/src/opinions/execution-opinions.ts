import type { DataSource } from 'typeorm';
import { OpinionEntity } from '../entities/opinion.entity';

/**
 * How many opinions the public sent on a decision's execution at or after `since` (SPEC.md §3.6–3.7):
 * the figure the evaluation trigger weighs. Withheld ones count too: they were still received.
 */
export async function countExecutionOpinions(
  dataSource: DataSource,
  decisionId: string,
  since: string,
): Promise<number> {
  return dataSource.manager
    .createQueryBuilder(OpinionEntity, 'o')
    .where('o.decision_id = :decisionId AND o.phase = :phase AND o.received_at >= :since', {
      decisionId,
      phase: 'execution',
      since,
    })
    .getCount();
}
