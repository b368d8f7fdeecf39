import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the administration log: who changed units or accounts, and how. Append-only like the
 * decision logs (database triggers refuse UPDATE and DELETE). `data` never holds a password or a hash.
 */
@Entity('admin_events')
export class AdminEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** RFC 3339 UTC. */
  @Column({ name: 'occurred_at', type: 'varchar', length: 32 })
  occurredAt!: string;

  /** JSON (canonical form): the acting account {accountId, username, unit, role}. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** JSON (canonical form). */
  @Column({ type: 'text' })
  data!: string;
}
