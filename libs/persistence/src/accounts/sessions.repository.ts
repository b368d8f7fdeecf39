import type { DataSource } from 'typeorm';
import type { Role } from '../../../domain/src';
import { AccountEntity, UnitEntity } from '../entities/account.entity';
import { RevokedSessionEntity } from '../entities/session.entity';
import type { Account } from './accounts.repository';

/** What a verified token claims: the account, the session (token id) and the account's token version. */
export interface SessionClaim {
  accountId: string;
  sid: string;
  tokenVersion: number;
}

/**
 * The account of a token when the token still counts: the account exists, is enabled, has the token's
 * version (a password change, reset or disabling raises it) and the session was not signed out. One
 * read by primary keys — the staff hot path (ADR 30).
 */
export async function findSessionAccount(dataSource: DataSource, claim: SessionClaim): Promise<Account | undefined> {
  const row = await dataSource
    .createQueryBuilder(AccountEntity, 'a')
    .select('a.id', 'id')
    .addSelect('a.username', 'username')
    .addSelect('a.unit_id', 'unit')
    .addSelect('a.role', 'role')
    .addSelect('a.token_version', 'version')
    .addSelect('u.name', 'unitName')
    .addSelect('u.name_en', 'unitNameEn')
    .leftJoin(UnitEntity, 'u', 'u.id = a.unit_id')
    .addSelect((sub) => sub.select('count(*)').from(RevokedSessionEntity, 'r').where('r.sid = :sid'), 'revoked')
    .where('a.id = :id AND NOT a.disabled', { id: claim.accountId, sid: claim.sid })
    .getRawOne<{
      id: string;
      username: string;
      unit: string;
      role: string;
      version: number | string;
      revoked: number | string;
      unitName: string | null;
      unitNameEn: string | null;
    }>();
  if (!row || Number(row.revoked) > 0 || Number(row.version) !== claim.tokenVersion) return undefined;
  return {
    id: row.id,
    username: row.username,
    unit: row.unit,
    role: row.role as Role,
    tokenVersion: Number(row.version),
    ...(row.unitName ? { unitName: { name: row.unitName, nameEn: row.unitNameEn ?? '' } } : {}),
  };
}

/** Ends one session (sign-out) until its token would have expired; forgets sessions that expired. */
export async function revokeSession(dataSource: DataSource, sid: string, expiresAt: Date, now: Date): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .delete()
    .from(RevokedSessionEntity)
    .where('expires_at < :now', { now: now.getTime() })
    .execute();
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(RevokedSessionEntity)
    .values({ sid, expiresAt: String(expiresAt.getTime()) })
    .orIgnore()
    .execute();
}
