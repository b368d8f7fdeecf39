import { randomBytes } from 'node:crypto';
import type { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { findSessionAccount, type Account } from '../../../../libs/persistence/src';

/**
 * The two kinds of staff token (ADR 30): a Bearer token for the JSON API and the console's session cookie.
 * Each is a JWT whose audience names its kind, so neither is accepted as the other.
 */
export type TokenKind = 'api' | 'console';

const AUDIENCE: Record<TokenKind, string> = { api: 'open-decision:api', console: 'open-decision:console' };

/** What a staff token claims: the account, the session id (revocable on sign-out) and the account's token version. */
export interface StaffTokenClaims {
  sub: string;
  sid: string;
  ver: number;
  exp: number;
}

export interface IssuedToken {
  token: string;
  sid: string;
  expiresAt: Date;
}

/** Signs a token of `kind` for the account under its current token version, with a fresh 128-bit session id. */
export async function issueStaffToken(
  jwt: JwtService,
  account: Account,
  kind: TokenKind,
  ttlSeconds: number,
): Promise<IssuedToken> {
  const sid = randomBytes(16).toString('base64url');
  const token = await jwt.signAsync(
    { sub: account.id, sid, ver: account.tokenVersion },
    { expiresIn: ttlSeconds, audience: AUDIENCE[kind] },
  );
  return { token, sid, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/**
 * The account and claims of a token of `kind` that still counts (signature, expiry, audience, account enabled,
 * same token version, session not signed out), or undefined. One indexed read.
 */
export async function verifyStaffToken(
  jwt: JwtService,
  dataSource: DataSource,
  token: string,
  kind: TokenKind,
): Promise<{ account: Account; claims: StaffTokenClaims } | undefined> {
  let claims: StaffTokenClaims;
  try {
    claims = await jwt.verifyAsync<StaffTokenClaims & object>(token, { audience: AUDIENCE[kind] });
  } catch {
    return undefined;
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.ver !== 'number')
    return undefined;
  const account = await findSessionAccount(dataSource, {
    accountId: claims.sub,
    sid: claims.sid,
    tokenVersion: claims.ver,
  });
  return account ? { account, claims } : undefined;
}
