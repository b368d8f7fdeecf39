import { Column, Entity } from 'typeorm';
import { LogEntryColumns } from './log-entry.columns';

/** One row of the public log. Append-only: database triggers refuse UPDATE and DELETE. */
@Entity('public_events')
export class PublicEventEntity extends LogEntryColumns {
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
