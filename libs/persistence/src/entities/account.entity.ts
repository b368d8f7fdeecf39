import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('units')
export class UnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;
}

/** A staff account. `passwordHash` is scrypt (memory-hard) in the format of `hashPassword`. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 64 })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ type: 'boolean' })
  disabled!: boolean;

  /** Every token carries the version it was issued under; raising it ends them all (ADR 30). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;
}
