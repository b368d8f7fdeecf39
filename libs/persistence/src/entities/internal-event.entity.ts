import { Entity } from 'typeorm';
import { LogEntryColumns } from './log-entry.columns';

/** One row of the internal (staff-only) log. Append-only like the public log. */
@Entity('internal_events')
export class InternalEventEntity extends LogEntryColumns {}
