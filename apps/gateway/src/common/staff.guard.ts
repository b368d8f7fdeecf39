import { Inject, Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError, type Role, type StaffActor } from '../../../../libs/domain/src';
import { findAccount, type Account } from '../../../../libs/persistence/src';
import { DATA_SOURCE } from './tokens';

const ROLES_KEY = 'od:staff-roles';

/** Marks a handler as staff-only; with roles, only those roles may call it. */
export const Staff = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface TokenClaims {
  sub: string;
}

type StaffRequest = FastifyRequest & { actor?: StaffActor };

/** Who acts, as the rules and the internal log see an account (the API's token and the console's session alike). */
export function staffActorOf(account: Pick<Account, 'id' | 'username' | 'unit' | 'role'>): StaffActor {
  return { accountId: account.id, username: account.username, unit: account.unit, role: account.role };
}

/** The authenticated staff actor of the request (set by StaffGuard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const actor = context.switchToHttp().getRequest<StaffRequest>().actor;
  if (!actor) throw new DomainError('UNAUTHORIZED', 'unauthorized', 'Log in first.');
  return actor;
});

/**
 * The one guard for staff endpoints: a valid Bearer token of an enabled account whose role is allowed.
 * Unit scope is part of each action's rule in libs/domain, which knows the decision's unit.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainError('UNAUTHORIZED', 'unauthorized', 'A Bearer token from POST /api/v1/auth/login is required.');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw new DomainError('TOKEN_INVALID', 'unauthorized', 'The token is invalid or has expired; log in again.');
    }
    const account = await findAccount(this.dataSource, claims.sub);
    if (!account) throw new DomainError('TOKEN_INVALID', 'unauthorized', 'The account no longer exists or is disabled.');
    if (roles.length > 0 && !roles.includes(account.role)) {
      throw new DomainError('ROLE_NOT_ALLOWED', 'forbidden', `This action needs one of the roles: ${roles.join(', ')}.`);
    }
    request.actor = staffActorOf(account);
    return true;
  }
}
