import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The catalogue's search text (ADR 0125): one row per public log entry that carries a published text
 * (a draft version or the adopted decision), holding only that entry's human-readable words. A read
 * model of the public log, written with the entry in the same transaction and rebuilt from the log.
 */
@Entity('public_search_texts')
export class PublicSearchTextEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 64 })
  decisionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** The public log entry's type: `DraftPublished` or `DecisionPublished`. */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** The entry's texts, one per line. */
  @Column({ type: 'text' })
  text!: string;
}
