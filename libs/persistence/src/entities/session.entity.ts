import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A session (token id) ended by sign-out before it expired; kept until then (ADR 30). */
@Entity('revoked_sessions')
export class RevokedSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sid!: string;

  /** Epoch milliseconds after which the token is refused anyway and the row may go. */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt!: string;
}

/** The shared rate-limit state of one key: its theoretical arrival time in epoch ms (GCRA, ADR 31). */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key!: string;

  @Column({ type: 'bigint' })
  tat!: string;
}
